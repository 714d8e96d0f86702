package vn.friendlygov.evidence.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.evidence.config.EvidenceConfig;
import vn.friendlygov.evidence.domain.Evidence;
import vn.friendlygov.evidence.domain.EvidenceFile;
import vn.friendlygov.evidence.domain.EvidenceHistory;
import vn.friendlygov.evidence.task.TaskView;

/** Reading evidence: one record, listings by task, item, criterion, unit and period, and the due-soon report. */
@RequestScoped
public class EvidenceQueries {

    /** Listing filters; all optional. The period is the activity date, or the submission date when none was given. */
    public record Filter(String ward, String taskId, String itemId, String criterionCode, String unit, LocalDate from,
            LocalDate to, String state, int page, int size) {
    }

    public record Found(Evidence evidence, List<EvidenceFile> files, List<EvidenceHistory> history) {
    }

    public record Page(List<Found> items, long total) {
    }

    private final EvidenceAccess access;
    private final EntityManager em;
    private final ZoneId zone;

    public EvidenceQueries(EvidenceAccess access, EntityManager em, EvidenceConfig config) {
        this.access = access;
        this.em = em;
        this.zone = ZoneId.of(config.zone());
    }

    public Found one(UUID id) {
        Evidence e = EvidenceService.evidence(id);
        access.requireReader(EvidenceService.task(e.taskId));
        return new Found(e, EvidenceFile.list("evidenceId = ?1 order by revision, fileName", id),
                EvidenceHistory.list("evidenceId = ?1 order by at, id", id));
    }

    /** One file of a record, for its download: authorised by the record's task, without reading its other rows. */
    public EvidenceFile file(UUID evidenceId, UUID fileId) {
        // one indexed lookup for the file and the task that authorises it (a download is mostly fixed cost)
        List<Object[]> rows = em.createQuery("select f, t from EvidenceFile f, Evidence e, TaskView t"
                + " where f.id = :fileId and f.evidenceId = :evidenceId and e.id = f.evidenceId and t.taskId = e.taskId",
                Object[].class)
                .setParameter("fileId", fileId)
                .setParameter("evidenceId", evidenceId)
                .getResultList();
        if (rows.isEmpty()) {
            EvidenceService.evidence(evidenceId); // 404 for the evidence when it is the evidence that is missing
            throw ProblemException.notFound("file", fileId);
        }
        access.requireReader((TaskView) rows.get(0)[1]);
        return (EvidenceFile) rows.get(0)[0];
    }

    public Page list(Filter filter) {
        String ward = wardOf(filter.ward());
        StringBuilder where = new StringBuilder("e.ward = :ward and t.taskId = e.taskId");
        Map<String, Object> p = new HashMap<>();
        p.put("ward", ward);
        restrictToOwnUnit(where, p);
        optional(where, p, "e.taskId", "taskId", filter.taskId());
        optional(where, p, "t.itemId", "itemId", filter.itemId());
        optional(where, p, "t.criterionCode", "criterionCode", filter.criterionCode());
        optional(where, p, "e.unit", "unit", filter.unit());
        if (filter.state() != null) {
            where.append(" and cast(e.state as String) = :state");
            p.put("state", filter.state());
        }
        String day = "coalesce(e.activityDate, cast(e.createdAt as LocalDate))";
        if (filter.from() != null) {
            where.append(" and ").append(day).append(" >= :from");
            p.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and ").append(day).append(" <= :to");
            p.put("to", filter.to());
        }
        TypedQuery<Long> count = em.createQuery("select count(e) from Evidence e, TaskView t where " + where, Long.class);
        TypedQuery<Evidence> q = em.createQuery("select e from Evidence e, TaskView t where " + where
                + " order by e.createdAt desc, e.id", Evidence.class);
        p.forEach((k, v) -> {
            count.setParameter(k, v);
            q.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<Evidence> page = q.setFirstResult(filter.page() * filter.size()).setMaxResults(filter.size())
                .getResultList();
        List<UUID> ids = page.stream().map(e -> e.id).toList();
        // files and history of the whole page in one query each (no query per item)
        Map<UUID, List<EvidenceFile>> files = new HashMap<>();
        Map<UUID, List<EvidenceHistory>> history = new HashMap<>();
        if (!ids.isEmpty()) {
            EvidenceFile.<EvidenceFile>list("evidenceId in ?1 order by revision, fileName", ids)
                    .forEach(f -> files.computeIfAbsent(f.evidenceId, k -> new ArrayList<>()).add(f));
            EvidenceHistory.<EvidenceHistory>list("evidenceId in ?1 order by at, id", ids)
                    .forEach(h -> history.computeIfAbsent(h.evidenceId, k -> new ArrayList<>()).add(h));
        }
        return new Page(page.stream().map(e -> new Found(e, files.getOrDefault(e.id, List.of()),
                history.getOrDefault(e.id, List.of()))).toList(), total);
    }

    /** Tasks due from {@code today} to today + {@code days}, not cancelled or approved, with no live evidence. */
    public List<TaskView> dueWithoutEvidence(String wardParam, LocalDate today, int days) {
        String ward = wardOf(wardParam);
        StringBuilder where = new StringBuilder("t.ward = :ward and t.dueDate between :from and :to"
                + " and (t.status is null or t.status not in ('CANCELLED', 'APPROVED'))"
                + " and not exists (select 1 from Evidence e where e.taskId = t.taskId"
                + " and e.state <> vn.friendlygov.evidence.domain.EvidenceState.WITHDRAWN)");
        Map<String, Object> p = new HashMap<>(Map.of("ward", ward, "from", today, "to", today.plusDays(days)));
        restrictToOwnUnit(where, p);
        return TaskView.<TaskView>find("select t from TaskView t where " + where + " order by t.dueDate, t.taskId", p)
                .list();
    }

    /** Today in the ward's zone. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    private void restrictToOwnUnit(StringBuilder where, Map<String, Object> p) {
        if (!access.isWardWide()) {
            String unit = access.actor().unit();
            if (unit == null) {
                throw ProblemException.forbidden("your token names no unit");
            }
            where.append(" and (t.leadUnit = :myUnit or t.coordinatingUnits like :myUnitPattern)");
            p.put("myUnit", unit);
            p.put("myUnitPattern", "%," + unit + ",%");
        }
    }

    /** The actor's ward; a city-wide admin names one. */
    private String wardOf(String requested) {
        if (access.actor().isCityAdmin()) {
            if (requested == null || requested.isBlank()) {
                throw ProblemException.invalid("ward", "a city-wide admin names the ward to read");
            }
            return requested;
        }
        if (requested != null && !requested.isBlank()) {
            access.actor().requireWard(requested);
        }
        return access.actor().ward();
    }

    private static void optional(StringBuilder where, Map<String, Object> p, String path, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(path).append(" = :").append(name);
            p.put(name, value.strip());
        }
    }
}
