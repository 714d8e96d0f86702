package vn.friendlygov.evidence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.friendlygov.evidence.domain.Evidence;
import vn.friendlygov.evidence.task.TaskView;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

/** Test data: tasks published as criteria-service would, tokens, and real files of each kind. */
public final class Fixtures {

    public static final String WARD = "phu-lien";
    public static final String TASK_TOPIC = "criteria.task-events.v1";
    public static final String CREATED = "vn.friendlygov.criteria.task.created.v1";

    private Fixtures() {
    }

    /** A task builder; {@link #publish()} sends its created event and waits for the read model to have it. */
    public static final class Task {
        public String id = UUID.randomUUID().toString();
        public String ward = WARD;
        public String leadUnit = "VHXH";
        public List<String> coordinatingUnits = List.of("KT");
        public String itemId = "item-" + UUID.randomUUID().toString().substring(0, 8);
        public String criterionCode = "TC1";
        public LocalDate periodStart = LocalDate.of(2026, 1, 1);
        public LocalDate periodEnd = LocalDate.of(2026, 3, 31);
        public LocalDate dueDate = LocalDate.of(2026, 3, 31);
        public String title = "Tổ chức lấy ý kiến người dân về chất lượng phục vụ";
        public long version = 1;

        public Task publish() {
            TopicProbe.send(event(UUID.randomUUID().toString(), CREATED, json()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TaskView t = QuarkusTransaction.requiringNew().call(() -> TaskView.findById(id));
                return t != null && t.version != null && t.version == version;
            });
            return this;
        }

        public String json() {
            String units = coordinatingUnits.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(","));
            return "{\"taskId\":\"" + id + "\",\"ward\":\"" + ward + "\",\"planCode\":\"KH-2026\",\"itemId\":\""
                    + itemId + "\",\"criterionCode\":\"" + criterionCode + "\",\"title\":\"" + title
                    + "\",\"leadUnit\":\"" + leadUnit + "\",\"coordinatingUnits\":[" + units + "],\"periodStart\":\""
                    + periodStart + "\",\"periodEnd\":\"" + periodEnd + "\",\"dueDate\":\"" + dueDate
                    + "\",\"recurrence\":\"ONCE\",\"toStatus\":\"TODO\",\"action\":\"CREATE\",\"version\":" + version
                    + ",\"expectedEvidence\":\"Các văn bản/ hình ảnh hoạt động triển khai thực hiện\"}";
        }
    }

    public static ProducerRecord<String, String> event(String eventId, String type, String json) {
        return event(json.contains("taskId") ? json.replaceAll(".*\"taskId\":\"([^\"]*)\".*", "$1") : eventId,
                eventId, type, json);
    }

    /** A task event with an explicit record key (the same key keeps records in order on one partition). */
    public static ProducerRecord<String, String> event(String key, String eventId, String type, String json) {
        ProducerRecord<String, String> r = new ProducerRecord<>(TASK_TOPIC, key, json);
        header(r, "ce_id", eventId);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_source", "/friendlygov/criteria-service");
        header(r, "ce_type", type);
        header(r, "ce_time", "2026-11-26T08:00:00Z");
        header(r, "ce_ward", WARD);
        return r;
    }

    static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String token(String role, String unit) {
        return TestTokens.token(role, unit, WARD);
    }

    /** A request whose multipart file names are sent as UTF-8, as browsers do. */
    public static RequestSpecification as(String role, String unit) {
        return given().config(RestAssured.config()
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8))
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)))
                .header("Accept-Language", "en")
                .auth().oauth2(token(role, unit));
    }

    public static long evidenceCount(String taskId) {
        return QuarkusTransaction.requiringNew().call(() -> Evidence.count("taskId", taskId));
    }

    /** A small but real PDF; {@code marker} makes its content (and hash) unique. */
    public static byte[] pdf(String marker) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + marker
                + "\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 8, (seed / 8) % 8, 0xff0000 + seed);
        return encode(image, "png");
    }

    public static byte[] jpeg(int seed) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 16, (seed / 16) % 16, 0x00ff00 + seed);
        return encode(image, "jpg");
    }

    /** An OOXML package as Word writes it: a ZIP whose first entry is {@code [Content_Types].xml}. */
    public static byte[] docx(String marker) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document>" + marker + "</w:document>").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The start of a Windows executable (DOS stub and PE header). */
    public static byte[] exe() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, b, 0x4e, stub.length);
        return b;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
