package vn.friendlygov.common.security;

/** The roles of the platform, as carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String LEADER = "leader";
    public static final String REVIEWER = "reviewer";
    public static final String OFFICER = "officer";

    private Roles() {
    }
}
