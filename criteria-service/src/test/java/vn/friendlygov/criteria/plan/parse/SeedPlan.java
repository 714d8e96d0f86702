package vn.friendlygov.criteria.plan.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real seed file, packaged from ../seeds by the module's pom. */
public final class SeedPlan {

    public static final String RESOURCE = "plans/ke-hoach-chinh-quyen-than-thien-phu-lien-2026.txt";

    private SeedPlan() {
    }

    public static String text() {
        try (InputStream in = SeedPlan.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
