package vn.friendlygov.criteria.messaging;

import vn.friendlygov.criteria.ward.Ward;

/** The schema of {@code criteria.ward-events.v1}, owned by criteria-service (docs/2026-11-26-event-contracts.md). */
public final class WardEvents {

    public static final String TOPIC = "criteria.ward-events.v1";
    public static final String UPDATED = "vn.friendlygov.criteria.ward.updated.v1";

    private WardEvents() {
    }

    /**
     * The ward's whole profile after a change (registration included): consumers keep the highest version they
     * have seen. The contacts are the office's, not a person's.
     */
    public record WardProfile(String code, String kind, String name, String province, String address, String phone,
            String email, long version) {

        public static WardProfile of(Ward w) {
            return new WardProfile(w.code, w.kind.name(), w.name, w.province, w.address, w.phone, w.email, w.version);
        }
    }
}
