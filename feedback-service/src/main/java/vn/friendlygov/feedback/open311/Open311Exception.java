package vn.friendlygov.feedback.open311;

/** An Open311 error: the spec's status codes (400, 403, 404) with a description, rendered in the request's format. */
public class Open311Exception extends RuntimeException {

    private final int status;

    public Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
