package vn.friendlygov.criteria.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.outbox.Outbox;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.criteria.messaging.WardEvents;
import vn.friendlygov.criteria.ward.Ward;
import vn.friendlygov.criteria.ward.WardHistoryEntry;
import vn.friendlygov.criteria.ward.WardKind;

/**
 * The city's registry of wards (docs/2026-12-08-ward-registry.md). A city-wide admin registers and edits every ward,
 * a ward's admin its own; everyone reads their own ward, the city admin all. Every change is a history snapshot and a
 * {@code ward.updated} event in the same transaction; a PUT that changes nothing writes nothing.
 */
@ApplicationScoped
public class WardRegistry {

    /** What a PUT gives: the ward's profile without its code, NFC already (JSON) and stripped here. */
    public record Profile(WardKind kind, String name, String province, String address, String phone, String email) {
    }

    /** The ward after a PUT, and whether the PUT registered it. */
    public record Saved(Ward ward, boolean created) {
    }

    private final Outbox outbox;
    private final ObjectMapper json;

    public WardRegistry(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public List<Ward> list(Actor actor) {
        if (actor.isCityAdmin()) {
            return Ward.list("order by code");
        }
        return actor.ward() == null ? List.of() : Ward.list("code = ?1", actor.ward());
    }

    @Transactional
    public Ward get(Actor actor, String code) {
        actor.requireWard(code);
        Ward w = Ward.findById(code);
        if (w == null) {
            throw ProblemException.notFound("ward", code);
        }
        return w;
    }

    @Transactional
    public List<WardHistoryEntry> history(Actor actor, String code) {
        get(actor, code);
        return WardHistoryEntry.list("wardCode = ?1 order by version", code);
    }

    @Transactional
    public Saved put(Actor actor, String code, Profile p, Long expectedVersion) {
        actor.requireWard(code);
        String name = p.name().strip();
        String prefix = p.kind().label() + " ";
        if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw ProblemException.invalid("name", "the name without \"" + p.kind().label() + "\", e.g. \""
                    + name.substring(prefix.length()).strip() + "\": the kind is printed before it");
        }
        // PUTs of one ward one after the other: two first registrations must not both insert
        Ward.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "ward-registry:" + code).getSingleResult();
        Ward w = Ward.findById(code);
        boolean created = w == null;
        if (created) {
            if (expectedVersion != null) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "ward " + code + " is not registered yet");
            }
            w = new Ward();
            w.code = code;
        } else if (expectedVersion != null && expectedVersion != w.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "the ward is at version " + w.version + ", not " + expectedVersion + "; reload it");
        }
        WardEvents.WardProfile wanted = new WardEvents.WardProfile(code, p.kind().name(), name,
                VietnameseText.blankToNull(p.province()), VietnameseText.blankToNull(p.address()),
                VietnameseText.blankToNull(p.phone()), VietnameseText.blankToNull(p.email()), w.version);
        if (!created && wanted.equals(WardEvents.WardProfile.of(w))) {
            return new Saved(w, false);
        }
        w.kind = p.kind();
        w.name = name;
        w.province = wanted.province();
        w.address = wanted.address();
        w.phone = wanted.phone();
        w.email = wanted.email();
        w.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        w.updatedBy = actor.id();
        try {
            if (created) {
                w.persist();
            }
            w.flush(); // the version the event and the snapshot carry; a concurrent change becomes a 412
        } catch (OptimisticLockException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "the ward was changed by someone else meanwhile; reload it");
        }
        WardEvents.WardProfile profile = WardEvents.WardProfile.of(w);
        WardHistoryEntry h = new WardHistoryEntry();
        h.id = UUID.randomUUID();
        h.wardCode = code;
        h.version = w.version;
        h.changedAt = w.updatedAt;
        h.changedBy = w.updatedBy;
        try {
            h.profile = json.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ward profile could not be written as JSON", e);
        }
        h.persist();
        outbox.publish(WardEvents.TOPIC, WardEvents.UPDATED, code, code, profile);
        return new Saved(w, created);
    }
}
