package vn.friendlygov.criteria.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.common.security.Actor;

/**
 * Progress of a plan, cached by the plan's version (docs/2026-12-02-criteria-read-path.md). A request reads the plan's
 * head (ward and version, one indexed row) and answers from the cache when the plan has not changed since the answer
 * was computed for the same {@code asOf} and the same day; otherwise {@link ProgressCalculator} recomputes it from the
 * tasks. The database bumps the version in the transaction of every change that alters progress (migration V2), and
 * the head is read before the tasks, so a cached answer is never older than the version it is filed under, on any
 * replica. The JSON is kept as well, so that a cached answer costs no serialisation either.
 */
@ApplicationScoped
public class ProgressService {

    /** Plans kept; past that the cache starts over (an entry is a few tens of kB). */
    static final int PLANS_KEPT = 1000;
    /** Distinct {@code asOf} dates kept per plan version. */
    static final int DATES_KEPT = 8;

    /** One computed answer: the value and its JSON. */
    public record Answer(Progress progress, byte[] json) {
    }

    /** The answers for one version of one plan on one day, by {@code asOf}. */
    private record Slot(long version, LocalDate today, Map<LocalDate, Answer> byAsOf) {
    }

    private final PlanHeads heads;
    private final ProgressCalculator calculator;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Slot> cache = new ConcurrentHashMap<>();

    public ProgressService(PlanHeads heads, ProgressCalculator calculator, ObjectMapper json, Clock clock) {
        this.heads = heads;
        this.calculator = calculator;
        this.json = json;
        this.clock = clock;
    }

    /** Today in Asia/Ho_Chi_Minh, the default {@code asOf}. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), HolidayCalendar.ZONE);
    }

    public Progress progress(Actor actor, String code, LocalDate asOf) {
        return answer(actor, code, asOf).progress();
    }

    /** The progress as of {@code asOf} (null: today), from the cache when the plan has not changed. */
    public Answer answer(Actor actor, String code, LocalDate asOf) {
        PlanHeads.Head head = heads.head(actor, code);
        LocalDate today = today();
        LocalDate date = asOf == null ? today : asOf;
        Slot slot = cache.get(code);
        if (slot != null && slot.version() == head.version() && slot.today().equals(today)) {
            Answer a = slot.byAsOf().get(date);
            if (a != null) {
                return a;
            }
        }
        Answer a = compute(head, date, today);
        store(code, head.version(), today, date, a);
        return a;
    }

    /** Recomputes from the tasks without the cache and without authorisation (tests compare both paths). */
    public Progress recompute(String code, LocalDate asOf) {
        PlanHeads.Head head = heads.find(code);
        LocalDate today = today();
        return calculator.compute(head, asOf == null ? today : asOf, today);
    }

    private Answer compute(PlanHeads.Head head, LocalDate asOf, LocalDate today) {
        Progress p = calculator.compute(head, asOf, today);
        try {
            return new Answer(p, json.writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("progress of " + head.code() + " cannot be written as JSON", e);
        }
    }

    private void store(String code, long version, LocalDate today, LocalDate asOf, Answer a) {
        if (cache.size() >= PLANS_KEPT && !cache.containsKey(code)) {
            cache.clear();
        }
        cache.compute(code, (k, old) -> {
            if (old != null && (old.version() > version || old.today().isAfter(today))) {
                return old; // a newer answer is already filed: keep it
            }
            Slot s = old != null && old.version() == version && old.today().equals(today) ? old
                    : new Slot(version, today, new ConcurrentHashMap<>());
            if (s.byAsOf().size() >= DATES_KEPT) {
                s.byAsOf().clear();
            }
            s.byAsOf().put(asOf, a);
            return s;
        });
    }
}
