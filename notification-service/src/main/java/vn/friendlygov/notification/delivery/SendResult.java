package vn.friendlygov.notification.delivery;

/** What a provider answered: accepted, refused for now (retry), or refused for good (no retry helps). */
public record SendResult(boolean ok, boolean permanent, String answer) {

    public static SendResult ok(String answer) {
        return new SendResult(true, false, answer);
    }

    public static SendResult retry(String answer) {
        return new SendResult(false, false, answer);
    }

    public static SendResult permanent(String answer) {
        return new SendResult(false, true, answer);
    }
}
