package vn.friendlygov.notification.messaging;

/** The Vietnamese names of task states, as officials read them in their inbox. */
final class StatusLabels {

    private StatusLabels() {
    }

    static String vietnamese(String status) {
        return switch (status) {
            case "TODO" -> "chưa thực hiện";
            case "IN_PROGRESS" -> "đang thực hiện";
            case "SUBMITTED" -> "đã nộp, chờ duyệt";
            case "APPROVED" -> "đã duyệt";
            case "RETURNED" -> "bị trả lại";
            case "CANCELLED" -> "đã hủy";
            case "OVERDUE" -> "quá hạn";
            default -> status;
        };
    }
}
