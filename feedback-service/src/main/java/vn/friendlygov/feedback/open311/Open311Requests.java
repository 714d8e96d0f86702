package vn.friendlygov.feedback.open311;

import static vn.friendlygov.feedback.open311.Open311Render.fields;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.feedback.intake.Category;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackChannel;
import vn.friendlygov.feedback.intake.FeedbackStatus;

/**
 * Service requests as GeoReport shows them. The request id is the tracking code. Open311 lists are public, so the
 * text, address and position are shown only for requests that came in through Open311 (published by their
 * sender as such); cases from other channels show status and answer only, never anyone's details.
 */
@ApplicationScoped
public class Open311Requests {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final ObjectMapper mapper;

    public Open311Requests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<Feedback> search(String ward, List<String> ids, String serviceCode, OffsetDateTime start,
            OffsetDateTime end, List<FeedbackStatus> statuses) {
        StringBuilder q = new StringBuilder("ward = :ward");
        Map<String, Object> p = new HashMap<>();
        p.put("ward", ward);
        if (!ids.isEmpty()) {
            q.append(" and trackingCode in :ids");
            p.put("ids", ids);
        } else {
            // the spec's default window: the last 90 days
            OffsetDateTime from = start != null ? start : (end != null ? end : OffsetDateTime.now(ZoneOffset.UTC))
                    .minusDays(90);
            q.append(" and receivedAt >= :from");
            p.put("from", from);
            if (end != null) {
                q.append(" and receivedAt <= :to");
                p.put("to", end);
            }
        }
        if (serviceCode != null) {
            q.append(" and category = :code");
            p.put("code", serviceCode);
        }
        if (statuses != null) {
            q.append(" and status in :statuses");
            p.put("statuses", statuses);
        }
        q.append(" order by receivedAt desc");
        return Feedback.<Feedback>find(q.toString(), p).page(0, 1000).list();
    }

    public Map<String, Object> view(Feedback f) {
        boolean published = f.channel == FeedbackChannel.OPEN311;
        String serviceName = f.category == null ? null
                : Category.active(f.ward, f.category).map(c -> c.name).orElse(null);
        OffsetDateTime updated = latest(f.receivedAt, f.answeredAt, f.closedAt, f.ratedAt);
        return fields("service_request_id", f.trackingCode, "status", f.status.open311(),
                "status_notes", statusNotes(f), "service_name", serviceName, "service_code", f.category,
                "description", published ? f.content : null, "agency_responsible", f.unit, "service_notice", null,
                "requested_datetime", w3c(f.receivedAt), "updated_datetime", w3c(updated),
                "expected_datetime", w3c(f.dueDate.atTime(17, 0).atZone(HolidayCalendar.ZONE).toOffsetDateTime()),
                "address", published ? f.citizenAddress : null, "address_id", null, "zipcode", null,
                "lat", published ? f.latitude : null, "long", published ? f.longitude : null,
                "media_url", published ? firstPhoto(f) : null);
    }

    private static String statusNotes(Feedback f) {
        if (f.status == FeedbackStatus.REJECTED) {
            return f.rejectReason;
        }
        if (f.status == FeedbackStatus.DUPLICATE) {
            return "Trùng với phản ánh đã tiếp nhận trước";
        }
        return f.publicAnswer;
    }

    private String firstPhoto(Feedback f) {
        if (f.photos == null) {
            return null;
        }
        try {
            List<String> photos = mapper.readValue(f.photos, new TypeReference<List<String>>() { });
            return photos.isEmpty() ? null : photos.get(0);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static OffsetDateTime latest(OffsetDateTime... times) {
        OffsetDateTime max = null;
        for (OffsetDateTime t : times) {
            if (t != null && (max == null || t.isAfter(max))) {
                max = t;
            }
        }
        return max;
    }

    private static String w3c(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.ofHours(7)).format(W3C);
    }
}
