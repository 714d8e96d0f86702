package vn.friendlygov.criteria.ward;

/** The three kinds of local unit at the level below the province since 2025: ward, commune and special zone. */
public enum WardKind {
    PHUONG("Phường"),
    XA("Xã"),
    DAC_KHU("Đặc khu");

    private final String label;

    WardKind(String label) {
        this.label = label;
    }

    /** How the kind is written before the name: "Phường Phù Liễn", "Xã Tân Tiến". */
    public String label() {
        return label;
    }
}
