package vn.friendlygov.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import vn.friendlygov.common.db.BatchedDelete;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.feedback.config.FeedbackConfig;

/**
 * The {@code Idempotency-Key} ledger. {@link #claim} inserts the key first ({@code on conflict do nothing}): a
 * concurrent retry waits on the row lock until the first attempt commits and then replays its answer, so two
 * cases are never made. The same key with a different request is refused (400, naming Idempotency-Key). The public
 * doors claim their keys inside their submission's batch instead ({@link #claimFor}, {@link IntakeService#storeAll(List, List, List, List)}).
 */
@ApplicationScoped
public class Idempotency {

    public static final int MAX_KEY_LENGTH = 200;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Duration retention;

    public Idempotency(EntityManager em, ObjectMapper mapper, FeedbackConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.retention = config.idempotencyRetention();
    }

    /** Forgets keys older than the retention; safe on several replicas (they delete the same rows, or skip). */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "idempotency-key-cleanup")
    void scheduledCleanup() {
        forgetExpired();
    }

    /** Deletes the keys claimed before the retention, in batches; returns how many. */
    public int forgetExpired() {
        return BatchedDelete.run(em, "delete from idempotency_key where (scope, key) in (select scope, key"
                + " from idempotency_key where created_at < ?1 order by created_at limit ?2 for update skip locked)",
                OffsetDateTime.now(ZoneOffset.UTC).minus(retention), BatchedDelete.BATCH);
    }

    /** Empty when this is the first use of the key (go on and call {@link #complete}); else the stored answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Optional<T> claim(String scope, String key, Object request, Class<T> answerType) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid("Idempotency-Key", "1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        int inserted = em.createNativeQuery("insert into idempotency_key (scope, key, request_hash, created_at)"
                + " values (:scope, :key, :hash, now()) on conflict do nothing")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select request_hash, response from idempotency_key"
                + " where scope = :scope and key = :key").setParameter("scope", scope).setParameter("key", key)
                .getResultList();
        Object[] row = (Object[]) rows.get(0);
        if (!hash.equals(row[0])) {
            throw differentRequest();
        }
        if (row[1] == null) {
            throw ProblemException.conflict("the first request with this Idempotency-Key is still being processed");
        }
        try {
            return Optional.of(mapper.readValue((String) row[1], answerType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent answer unreadable", e);
        }
    }

    /** A key a public door will claim in its submission's batch ({@link IntakeBatcher}). */
    public record Claim(String scope, String key, String requestHash) {
    }

    /** Checks the key and fingerprints the request; the claim itself is written with the case. */
    public Claim claimFor(String scope, String key, Object request) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid("Idempotency-Key", "1 to " + MAX_KEY_LENGTH + " characters");
        }
        return new Claim(scope, key, hash(request));
    }

    /** The answer stored for a claim that was already taken; 400 when the key came with a different request. */
    public <T> T replay(Claim claim, Class<T> answerType) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select request_hash, response from idempotency_key where scope = :scope and key = :key")
                .setParameter("scope", claim.scope()).setParameter("key", claim.key()).getResultList());
        if (rows.isEmpty()) {
            throw new IllegalStateException("an idempotency key reported taken is not stored");
        }
        Object[] row = (Object[]) rows.get(0);
        if (!claim.requestHash().equals(row[0])) {
            throw differentRequest();
        }
        if (row[1] == null) {
            throw ProblemException.conflict("the first request with this Idempotency-Key is still being processed");
        }
        try {
            return mapper.readValue((String) row[1], answerType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent answer unreadable", e);
        }
    }

    private static ProblemException differentRequest() {
        return new ProblemException(ProblemType.INVALID_REQUEST,
                "this Idempotency-Key was used for a different request", List.of(
                        new vn.friendlygov.common.problem.Problem.Violation("Idempotency-Key",
                                "already used for a different request")));
    }

    String json(Object answer) {
        return write(answer);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, Object answer) {
        em.createNativeQuery("update idempotency_key set response = :response where scope = :scope and key = :key")
                .setParameter("response", write(answer)).setParameter("scope", scope).setParameter("key", key)
                .executeUpdate();
    }

    private String hash(Object request) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
