import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Local-stack token tool, JDK only (run as a single-file program: {@code java Token.java ...}).
 * <ul>
 * <li>{@code keygen DIR}: makes DIR/private.pem (PKCS#8) and DIR/public.pem (X.509) once; never overwrites.</li>
 * <li>{@code sign DIR ISSUER ROLE UNIT WARD HOURS}: prints an RS256 bearer token with the claims the services read.</li>
 * </ul>
 */
public class Token {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keygen")) {
            keygen(Path.of(args[1]));
        } else if (args.length == 7 && args[0].equals("sign")) {
            System.out.println(sign(Path.of(args[1]), args[2], args[3], args[4], args[5], Integer.parseInt(args[6])));
        } else {
            System.err.println("usage: java Token.java keygen DIR | sign DIR ISSUER ROLE UNIT WARD HOURS");
            System.exit(2);
        }
    }

    static void keygen(Path dir) throws Exception {
        Path priv = dir.resolve("private.pem");
        if (Files.exists(priv)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        Files.writeString(priv, pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", kp.getPublic().getEncoded()));
    }

    static String sign(Path dir, String issuer, String role, String unit, String ward, int hours) throws Exception {
        String b64 = Files.readString(dir.resolve("private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        long now = Instant.now().getEpochSecond();
        String subject = role + (unit.isEmpty() ? "" : "." + unit) + (ward.isEmpty() ? "" : "@" + ward);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", new String[] {role});
        if (!unit.isEmpty()) {
            claims.put("unit", unit);
        }
        if (!ward.isEmpty()) {
            claims.put("ward", ward);
        }
        claims.put("iat", now);
        claims.put("exp", now + hours * 3600L);
        claims.put("jti", UUID.randomUUID().toString());
        String header = enc("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}");
        String payload = enc(json(claims));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    private static String json(Map<String, Object> m) {
        StringBuilder b = new StringBuilder("{");
        for (var e : m.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Long l) {
                b.append(l);
            } else if (v instanceof String[] a) {
                b.append('[');
                for (int i = 0; i < a.length; i++) {
                    b.append(i == 0 ? "" : ",").append(quote(a[i]));
                }
                b.append(']');
            } else {
                b.append(quote(v.toString()));
            }
        }
        return b.append('}').toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String enc(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
