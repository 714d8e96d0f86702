package vn.friendlygov.common.events;

/**
 * CloudEvents 1.0 attributes in Kafka headers (binary content mode of the Kafka protocol binding):
 * every attribute is a header named {@code ce_<attribute>}, the payload is the event data as JSON.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attribute: the ward (tenant) the event belongs to. */
    public static final String WARD = "ce_ward";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json; charset=utf-8";

    private CloudEventHeaders() {
    }
}
