package vn.friendlygov.notification.letter;

/** The plan's letters: their heading, the symbol of their number, and a default text the drafter edits. */
public enum LetterKind {
    APOLOGY("THƯ XIN LỖI", "TXL",
            "Ủy ban nhân dân phường chân thành xin lỗi Ông/Bà vì hồ sơ, phản ánh của Ông/Bà đã không được giải quyết "
            + "đúng thời hạn quy định. Chúng tôi đang khẩn trương giải quyết và sẽ thông báo kết quả trong thời gian sớm nhất."),
    THANKS("THƯ CẢM ƠN", "TCO",
            "Ủy ban nhân dân phường trân trọng cảm ơn Ông/Bà đã có những đóng góp quý báu trong xây dựng Đảng, "
            + "xây dựng chính quyền và cộng đồng dân cư."),
    COMMENDATION("THƯ BIỂU DƯƠNG", "TBD",
            "Ủy ban nhân dân phường biểu dương Ông/Bà đã có sáng kiến ở cộng đồng dân cư được Ủy ban nhân dân công nhận."),
    MARRIAGE_CONGRATULATION("THƯ CHÚC MỪNG", "TCM",
            "Nhân dịp Ông/Bà đăng ký kết hôn, Ủy ban nhân dân phường trân trọng gửi lời chúc mừng hạnh phúc."),
    BIRTH_CONGRATULATION("THƯ CHÚC MỪNG", "TCM",
            "Ủy ban nhân dân phường chúc mừng gia đình Ông/Bà có thêm thành viên mới."),
    CONDOLENCE("THƯ CHIA BUỒN", "TCB",
            "Ủy ban nhân dân phường vô cùng thương tiếc và xin gửi tới gia đình Ông/Bà lời chia buồn sâu sắc nhất."),
    HOLIDAY_GREETING("THƯ CHÚC MỪNG", "TCM",
            "Nhân dịp năm mới, Ủy ban nhân dân phường kính chúc toàn thể Nhân dân sức khỏe, hạnh phúc và thành công.");

    private final String heading;
    private final String symbol;
    private final String defaultBody;

    LetterKind(String heading, String symbol, String defaultBody) {
        this.heading = heading;
        this.symbol = symbol;
        this.defaultBody = defaultBody;
    }

    public String heading() {
        return heading;
    }

    /** The number's symbol, e.g. "TXL-UBND" in "Số: 12/TXL-UBND". */
    public String symbol() {
        return symbol + "-UBND";
    }

    public String defaultBody() {
        return defaultBody;
    }
}
