package vn.friendlygov.common.events;

/** An event that can never be processed: it goes to the dead-letter topic with this message as the reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
