package vn.friendlygov.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules of intake and follow-up that a ward may tune. */
@ConfigMapping(prefix = "feedback")
public interface FeedbackConfig {

    /** SLA in working days for a case without a category (until staff route it). */
    @WithDefault("10")
    int defaultSlaDays();

    /** Days after the answer during which the citizen may reopen the case. */
    @WithDefault("15")
    int reopenWindowDays();

    /** How far back a likely duplicate is looked for. */
    @WithDefault("30")
    int duplicateWindowDays();

    /** Trigram similarity (0..1) from which two texts count as near-identical. */
    @WithDefault("0.6")
    double duplicateSimilarity();

    /** Metres within which two geolocated cases count as "nearby". */
    @WithDefault("300")
    double duplicateRadiusMetres();

    /** How old a paper collection (suggestion box, Fatherland Front) may be when entered. */
    @WithDefault("366")
    int maxCollectionAgeDays();

    /** Items in one batch entry. */
    @WithDefault("500")
    int maxBatchItems();

    /** How often overdue cases are looked for (the job also skips days off). */
    @WithDefault("15m")
    String overdueEvery();

    @WithDefault("1m")
    String overdueDelay();

    /** How often answered cases past their reopen window are closed. */
    @WithDefault("1h")
    String autoCloseEvery();

    @WithDefault("2m")
    String autoCloseDelay();

    /** How often queued chat answers are sent. */
    @WithDefault("5s")
    String replyEvery();

    /** AES-256 key (base64 of 32 bytes) of the chat tokens at rest (chat.SecretColumn reads it); unset: clear. */
    java.util.Optional<String> tokenKey();

    /** How often new cases are checked for a likely duplicate. */
    @WithDefault("5s")
    String duplicateEvery();

    /**
     * Intake rate (submissions a second through this replica's public doors) above which the duplicate sweep
     * leaves the CPU to intake: it then runs one round per {@link #duplicateMaxPause()} only.
     */
    @WithDefault("100")
    double duplicateYieldAbove();

    /** The longest the duplicate sweep waits for a busy intake before it runs a round anyway. */
    @WithDefault("5s")
    java.time.Duration duplicateMaxPause();

    /**
     * How long an {@code Idempotency-Key} is remembered (docs/2026-12-07-idempotency-retention.md): a retry within it
     * gets the first answer; the same key after it is a new request. Clients retry within minutes; a week covers a
     * phone that was offline for days.
     */
    @WithDefault("P7D")
    java.time.Duration idempotencyRetention();

    /** How long a ward's categories are kept in memory; a change through another replica is seen after this. */
    @WithDefault("5s")
    java.time.Duration categoryCacheTtl();

    /** How long an Open311 api_key is kept in memory; a key revoked through another replica works this long. */
    @WithDefault("5s")
    java.time.Duration open311KeyCacheTtl();

    /** Group-commit intake: most submissions written in one transaction. */
    @WithDefault("256")
    int intakeMaxBatch();

    /** Transactions writing submissions at the same time (each a batch). */
    @WithDefault("2")
    int intakeWriters();

    /** How long a public door waits for its submission's commit before it answers 503. */
    @WithDefault("10s")
    java.time.Duration intakeTimeout();
}
