package vn.friendlygov.feedback.open311;

import static vn.friendlygov.feedback.open311.Open311Render.fields;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackChannel;
import vn.friendlygov.feedback.intake.FeedbackStatus;
import vn.friendlygov.feedback.intake.TrackingCodes;
import vn.friendlygov.feedback.service.CategoryCache;
import vn.friendlygov.feedback.service.IntakeService;
import vn.friendlygov.feedback.service.Submission;

/** Reads a GeoReport POST (form fields, {@code attribute[code]}) into a submission, and its parameters. */
@ApplicationScoped
public class Open311Intake {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]{1,100})\\]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, String> PARAMS = Map.of("content", "description", "category", "service_code",
            "latitude", "lat", "longitude", "long", "name", "first_name", "address", "address_string",
            "ward", "jurisdiction_id");

    /** A POST as posted (NFC), the idempotency fingerprint. */
    public record Posted(String serviceCode, Double lat, Double lon, String addressString, String email,
            String phone, String firstName, String lastName, String description, String mediaUrl,
            Map<String, String> attributes) {
    }

    public record Answer(String serviceRequestId, String token, String serviceNotice) {
        Map<String, Object> fields() {
            return Open311Render.fields("service_request_id", serviceRequestId, "token", token,
                    "service_notice", serviceNotice, "account_id", null);
        }
    }

    private final IntakeService intake;
    private final Open311Catalogue catalogue;
    private final CategoryCache categories;

    public Open311Intake(IntakeService intake, Open311Catalogue catalogue, CategoryCache categories) {
        this.categories = categories;
        this.intake = intake;
        this.catalogue = catalogue;
    }

    public Posted parse(MultivaluedMap<String, String> form) {
        Map<String, String> attributes = new TreeMap<>();
        for (String name : form.keySet()) {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                attributes.put(m.group(1), nfc(form.getFirst(name)));
            }
        }
        Double lat = number(form, "lat", -90, 90);
        Double lon = number(form, "long", -180, 180);
        String address = nfc(form.getFirst("address_string"));
        if ((lat == null || lon == null) && blank(address) && blank(form.getFirst("address_id"))) {
            throw new Open311Exception(400, "a location is required: lat and long, address_string or address_id");
        }
        String description = nfc(form.getFirst("description"));
        if (blank(description)) {
            throw new Open311Exception(400, "description is required");
        }
        if (description.length() > 5000) {
            throw new Open311Exception(400, "description is longer than 5000 characters");
        }
        String email = form.getFirst("email");
        if (!blank(email) && (email.length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
            throw new Open311Exception(400, "email is not an e-mail address");
        }
        String media = form.getFirst("media_url");
        if (!blank(media) && (media.length() > 2000 || !media.matches("https?://\\S+"))) {
            throw new Open311Exception(400, "media_url must be an http(s) URL");
        }
        String serviceCode = form.getFirst("service_code");
        if (blank(serviceCode)) {
            throw new Open311Exception(400, "service_code is required");
        }
        return new Posted(serviceCode, lat, lon, address, blank(email) ? null : email.strip(),
                form.getFirst("phone"), nfc(form.getFirst("first_name")), nfc(form.getFirst("last_name")),
                description, blank(media) ? null : media, catalogue.validate(attributes));
    }

    /** The case a POST makes, validated and routed, not stored yet (404 for a service the ward does not offer). */
    public Feedback prepare(String ward, Open311Keys.Client client, Posted p) {
        if (categories.active(ward, p.serviceCode()).isEmpty()) {
            throw new Open311Exception(404, "service_code " + p.serviceCode() + " not found");
        }
        String name = String.join(" ", Arrays.stream(new String[] {p.firstName(), p.lastName()})
                .filter(s -> !blank(s)).toList());
        Submission s = Submission.of(ward, FeedbackChannel.OPEN311, p.serviceCode(), p.description(),
                        "open311:" + client.name())
                .withCitizen(name.isEmpty() ? null : name, p.phone(), p.email(), p.addressString())
                .withPlace(p.lat(), p.lon(), p.mediaUrl() == null ? List.of() : List.of(p.mediaUrl()))
                .withAttributes(p.attributes());
        return intake.prepare(s, "");
    }

    /** What the POST answers for a stored case. */
    public static Answer answerOf(Feedback f) {
        return new Answer(f.trackingCode, f.id.toString(),
                "Mã theo dõi " + f.trackingCode + ", hạn trả lời " + f.dueDate);
    }

    static List<String> idList(String ids) {
        if (blank(ids)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : ids.split(",")) {
            String code = TrackingCodes.normalise(id);
            if (code == null) {
                throw new Open311Exception(400, "service_request_id " + id.strip() + " is not a request id");
            }
            out.add(code);
        }
        return out;
    }

    static OffsetDateTime date(String param, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, param + " must be a W3C date-time with offset, e.g. 2026-02-10T08:00:00+07:00");
        }
    }

    static List<FeedbackStatus> statuses(String status) {
        if (blank(status)) {
            return null;
        }
        List<FeedbackStatus> out = new ArrayList<>();
        for (String s : status.split(",")) {
            switch (s.strip()) {
                case "open" -> out.addAll(FeedbackStatus.OPEN);
                case "closed" -> out.addAll(Arrays.stream(FeedbackStatus.values()).filter(x -> !x.isOpen()).toList());
                default -> throw new Open311Exception(400, "status must be open or closed");
            }
        }
        return out;
    }

    static String paramOf(String field) {
        return PARAMS.getOrDefault(field, field);
    }

    private static Double number(MultivaluedMap<String, String> form, String name, double min, double max) {
        String v = form.getFirst(name);
        if (blank(v)) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isNaN(d) || d < min || d > max) {
                throw new Open311Exception(400, name + " must be between " + min + " and " + max);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " must be a number");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nfc(String s) {
        return VietnameseText.nfc(s);
    }
}
