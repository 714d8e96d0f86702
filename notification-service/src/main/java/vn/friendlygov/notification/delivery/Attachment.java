package vn.friendlygov.notification.delivery;

/** A file sent with a message (an issued letter's PDF); only e-mail carries files. */
public record Attachment(String fileName, String contentType, byte[] data) {
}
