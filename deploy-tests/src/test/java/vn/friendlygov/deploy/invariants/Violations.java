package vn.friendlygov.deploy.invariants;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken invariant of a rendering, so one run reports all of them, each naming the object. */
public final class Violations {

    private final String overlay;
    private final List<String> found = new ArrayList<>();

    public Violations(String overlay) {
        this.overlay = overlay;
    }

    public void require(boolean condition, String what, Object... args) {
        if (!condition) {
            found.add(overlay + ": " + String.format(what, args));
        }
    }

    public List<String> list() {
        return List.copyOf(found);
    }
}
