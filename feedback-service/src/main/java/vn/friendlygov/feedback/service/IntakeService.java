package vn.friendlygov.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.common.ids.TimeOrderedIds;
import vn.friendlygov.common.outbox.OutboxEvent;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.feedback.config.FeedbackConfig;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackStatus;
import vn.friendlygov.feedback.intake.PhoneNumbers;
import vn.friendlygov.feedback.intake.PlainText;
import vn.friendlygov.feedback.intake.Priority;
import vn.friendlygov.feedback.intake.TrackingCodes;
import vn.friendlygov.feedback.messaging.FeedbackEvents;

/**
 * Every door ends here: the text is cleaned, the phone normalised, the case routed by its category to a unit with a
 * due date in working days, and the case stored with its events in one transaction. Likely duplicates are looked
 * up afterwards by {@link DuplicateSweep}.
 */
@ApplicationScoped
public class IntakeService {

    private final HolidayCalendar calendar;
    private final TrackingCodes codes;
    private final FeedbackEvents events;
    private final FeedbackConfig config;
    private final ObjectMapper mapper;
    private final CategoryCache categories;
    private final AgroalDataSource dataSource;

    public IntakeService(HolidayCalendar calendar, TrackingCodes codes, FeedbackEvents events, FeedbackConfig config,
            ObjectMapper mapper, CategoryCache categories, AgroalDataSource dataSource) {
        this.categories = categories;
        this.dataSource = dataSource;
        this.calendar = calendar;
        this.codes = codes;
        this.events = events;
        this.config = config;
        this.mapper = mapper;
    }

    /** Validates and stores one case; {@code fieldPrefix} names the item in a batch ("items[3]."). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Feedback receive(Submission s, String fieldPrefix) {
        Feedback f = prepare(s, fieldPrefix);
        while (Feedback.count("trackingCode", f.trackingCode) > 0) {
            f.trackingCode = codes.next();
        }
        store(f);
        return f;
    }

    /**
     * Validates, cleans and routes one case without touching the database (routing comes from
     * {@link CategoryCache}): the case is ready to be stored by {@link #store} or by {@link IntakeBatcher}, with a
     * fresh tracking code that the unique constraint will check.
     */
    public Feedback prepare(Submission s, String fieldPrefix) {
        List<Problem.Violation> violations = new ArrayList<>();
        String content = PlainText.clean(s.content());
        if (content == null || content.isEmpty()) {
            violations.add(new Problem.Violation(fieldPrefix + "content", "must contain text"));
        }
        // the columns' limits, checked for every door (Open311 and chat fields carry no annotations)
        tooLong(violations, fieldPrefix + "name", s.name(), 200);
        tooLong(violations, fieldPrefix + "email", s.email(), 254);
        tooLong(violations, fieldPrefix + "address", s.address(), 500);
        tooLong(violations, fieldPrefix + "collectionSource", s.collectionSource(), 200);
        tooLong(violations, fieldPrefix + "channelUserId", s.channelUserId(), 100);
        String phone = null;
        if (s.phone() != null && !s.phone().isBlank()) {
            phone = PhoneNumbers.normalise(s.phone()).orElse(null);
            if (phone == null) {
                violations.add(new Problem.Violation(fieldPrefix + "phone",
                        "not a Vietnamese phone number (0… or +84…)"));
            }
        }
        CategoryCache.Route category = null;
        if (!categories.knows(s.ward())) {
            violations.add(new Problem.Violation(fieldPrefix + "ward", "unknown ward " + s.ward()));
        } else if (s.category() != null && !s.category().isBlank()) {
            category = categories.active(s.ward(), s.category()).orElse(null);
            if (category == null) {
                violations.add(new Problem.Violation(fieldPrefix + "category",
                        "unknown category " + s.category() + " in ward " + s.ward()));
            }
        }
        if (s.collectionDate() != null) {
            LocalDate today = LocalDate.now(HolidayCalendar.ZONE);
            if (s.collectionDate().isAfter(today)) {
                violations.add(new Problem.Violation("collectionDate", "must not be in the future"));
            } else if (s.collectionDate().isBefore(today.minusDays(config.maxCollectionAgeDays()))) {
                violations.add(new Problem.Violation("collectionDate",
                        "older than " + config.maxCollectionAgeDays() + " days"));
            }
        }
        List<String> photos = s.photos() == null ? List.of() : s.photos();
        for (int i = 0; i < photos.size(); i++) {
            String url = photos.get(i);
            if (url == null || url.length() > 2000 || !url.matches("https?://\\S+")) {
                violations.add(new Problem.Violation(fieldPrefix + "photos[" + i + "]", "must be an http(s) URL"));
            }
        }
        if ((s.latitude() == null) != (s.longitude() == null)) {
            violations.add(new Problem.Violation(fieldPrefix + "longitude", "latitude and longitude go together"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid fields: "
                    + String.join(", ", violations.stream().map(Problem.Violation::field).toList()), violations);
        }

        Feedback f = new Feedback();
        f.id = TimeOrderedIds.next();
        f.trackingCode = codes.next();
        f.ward = s.ward();
        f.channel = s.channel();
        f.content = content;
        f.contentFolded = VietnameseText.fold(content);
        f.citizenName = PlainText.cleanOrNull(s.name());
        f.citizenPhone = phone;
        f.citizenEmail = s.email() == null || s.email().isBlank() ? null : s.email().strip().toLowerCase();
        f.citizenAddress = PlainText.cleanOrNull(s.address());
        f.latitude = s.latitude();
        f.longitude = s.longitude();
        f.photos = json(s.photos() == null || s.photos().isEmpty() ? null : s.photos());
        f.attributes = json(s.attributes() == null || s.attributes().isEmpty() ? null : s.attributes());
        f.channelUserId = s.channelUserId();
        f.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        f.collectionDate = s.collectionDate();
        f.collectionSource = PlainText.cleanOrNull(s.collectionSource());
        f.recordedBy = s.recordedBy();
        LocalDate start = s.collectionDate() != null ? s.collectionDate()
                : f.receivedAt.atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate();
        if (category != null) {
            f.category = category.code();
            f.unit = category.unit();
            f.priority = category.priority();
            f.dueDate = calendar.addWorkingDays(start, category.slaDays());
            f.status = FeedbackStatus.ASSIGNED;
        } else {
            f.priority = Priority.NORMAL;
            f.dueDate = calendar.addWorkingDays(start, config.defaultSlaDays());
            f.status = FeedbackStatus.RECEIVED;
        }
        return f;
    }

    /** Stores a prepared case with its audit row and events (received, and assigned when routed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Feedback f) {
        storeAll(List.of(f));
    }

    /**
     * Stores prepared cases in the running transaction, each with its audit row, its place in the duplicate-check
     * queue and its events, in one statement on the transaction's connection ({@link IntakeStatement}). No
     * entities: the intake writers store hundreds of cases a second and Hibernate's per-entity work was most of
     * their time (docs/2026-12-03-feedback-intake-latency.md). The cases stay detached; read them again to change
     * them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeAll(List<Feedback> cases) {
        List<Idempotency.Claim> none = new ArrayList<>(cases.size());
        cases.forEach(f -> none.add(null));
        storeAll(cases, none, List.of(), List.of());
    }

    /**
     * As {@link #storeAll(List)}, with the batch's {@code Idempotency-Key} claims written first in the same statement:
     * a case whose claim ({@code caseClaims}, in the order of {@code cases}; null without a key) was already taken
     * is not stored. {@code claims} are the distinct claims with their {@code answers}.
     *
     * @return the claims taken by this call, as {@code List.of(scope, key)}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<List<String>> storeAll(List<Feedback> cases, List<Idempotency.Claim> caseClaims,
            List<Idempotency.Claim> claims, List<String> answers) {
        if (cases.isEmpty() && claims.isEmpty()) {
            return Set.of();
        }
        List<IntakeStatement.Row> rows = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Feedback f = cases.get(i);
            List<OutboxEvent> rowEvents = new ArrayList<>(2);
            rowEvents.add(events.event(FeedbackEvents.Kind.RECEIVED, f, f.recordedBy));
            if (f.unit != null) {
                rowEvents.add(events.event(FeedbackEvents.Kind.ASSIGNED, f, f.recordedBy));
            }
            rows.add(new IntakeStatement.Row(f, caseClaims.get(i), rowEvents));
        }
        try (Connection c = dataSource.getConnection()) {
            return IntakeStatement.write(c, claims, answers, rows);
        } catch (SQLException e) {
            throw new PersistenceException("storing " + cases.size() + " cases failed: " + e.getMessage(), e);
        }
    }

    /** A new, unsaved copy of a prepared case (for a retry after a rolled-back attempt), with a new tracking code. */
    public Feedback retryCopy(Feedback p) {
        Feedback f = new Feedback();
        f.id = p.id;
        f.trackingCode = codes.next();
        f.ward = p.ward;
        f.channel = p.channel;
        f.content = p.content;
        f.contentFolded = p.contentFolded;
        f.citizenName = p.citizenName;
        f.citizenPhone = p.citizenPhone;
        f.citizenEmail = p.citizenEmail;
        f.citizenAddress = p.citizenAddress;
        f.latitude = p.latitude;
        f.longitude = p.longitude;
        f.photos = p.photos;
        f.attributes = p.attributes;
        f.channelUserId = p.channelUserId;
        f.receivedAt = p.receivedAt;
        f.collectionDate = p.collectionDate;
        f.collectionSource = p.collectionSource;
        f.recordedBy = p.recordedBy;
        f.category = p.category;
        f.unit = p.unit;
        f.priority = p.priority;
        f.dueDate = p.dueDate;
        f.status = p.status;
        return f;
    }

    private static void tooLong(List<Problem.Violation> violations, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            violations.add(new Problem.Violation(field, "at most " + max + " characters"));
        }
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
