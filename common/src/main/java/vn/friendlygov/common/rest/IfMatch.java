package vn.friendlygov.common.rest;

import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;

/** Optimistic concurrency on the wire: an entity's ETag is its version, {@code "3"}; clients send it back in If-Match. */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version an {@code If-Match} header names: null when absent or {@code *} (no precondition);
     * {@code "3"} and {@code W/"3"} give 3; anything else can never match, so it is 412.
     */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " is not an ETag of this resource, such as \"3\"");
        }
    }
}
