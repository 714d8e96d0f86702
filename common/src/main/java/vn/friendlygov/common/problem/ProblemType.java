package vn.friendlygov.common.problem;

import java.util.Locale;

/** The stable problem types every service answers with, each with a Vietnamese and an English title. */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "Yêu cầu không hợp lệ", "Invalid request"),
    MALFORMED_JSON(400, "malformed-json", "Nội dung JSON không đúng cú pháp", "Malformed JSON"),
    UNAUTHENTICATED(401, "unauthenticated", "Chưa xác thực", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Không có quyền thực hiện", "Forbidden"),
    NOT_FOUND(404, "not-found", "Không tìm thấy", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Phương thức không được hỗ trợ", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Định dạng phản hồi không được hỗ trợ", "Not acceptable"),
    CONFLICT(409, "conflict", "Xung đột trạng thái", "Conflict"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "Chuyển trạng thái không hợp lệ", "Illegal state transition"),
    PRECONDITION_FAILED(412, "precondition-failed", "Dữ liệu đã bị thay đổi bởi người khác", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Dung lượng vượt quá giới hạn", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Định dạng không được chấp nhận", "Unsupported media type"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Thiếu điều kiện If-Match", "Precondition required"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Quá nhiều yêu cầu", "Too many requests"),
    INTERNAL(500, "internal-error", "Lỗi hệ thống", "Internal server error"),
    UNAVAILABLE(503, "unavailable", "Dịch vụ tạm thời không sẵn sàng", "Service unavailable");

    private final int status;
    private final String slug;
    private final String titleVi;
    private final String titleEn;

    ProblemType(int status, String slug, String titleVi, String titleEn) {
        this.status = status;
        this.slug = slug;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    public String title(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? titleEn : titleVi;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
