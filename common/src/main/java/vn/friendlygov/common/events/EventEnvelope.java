package vn.friendlygov.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One event as every service sees it: the CloudEvents attributes and the JSON data.
 * The producer owns the schema of {@code data}; consumers read it into their own records.
 */
public record EventEnvelope(String id, String source, String type, String subject, String ward,
        OffsetDateTime time, String key, JsonNode data) {
}
