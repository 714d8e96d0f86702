package vn.friendlygov.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.friendlygov.feedback.config.FeedbackConfig;
import vn.friendlygov.feedback.intake.Feedback;

/**
 * Suggests, never decides: a recent case of the same ward that is likely the same matter — the same phone number
 * and category, or near-identical text (trigram similarity on the diacritics-folded text) at about the same place.
 * Staff see the suggestion and may mark the case DUPLICATE.
 */
@ApplicationScoped
public class DuplicateFinder {

    // metres per degree of latitude; longitude degrees shrink with cos(latitude)
    private static final String NEARBY = " and (latitude is null or 111320 * sqrt(power(latitude - :lat, 2)"
            + " + power(cos(radians(:lat)) * (longitude - :lon), 2)) <= :radius)";

    private final EntityManager em;
    private final FeedbackConfig config;

    public DuplicateFinder(EntityManager em, FeedbackConfig config) {
        this.em = em;
        this.config = config;
    }

    public Optional<UUID> likelyDuplicateOf(Feedback f) {
        OffsetDateTime since = f.receivedAt.minusDays(config.duplicateWindowDays());
        if (f.citizenPhone != null) {
            var samePersonQuery = em.createNativeQuery("select id from feedback where ward = :ward"
                    + " and id <> :id and received_at <= :received"
                    + " and citizen_phone = :phone and "
                    + (f.category == null ? "category is null" : "category = :category")
                    + " and received_at >= :since and status not in ('REJECTED', 'DUPLICATE')"
                    + " order by received_at desc limit 1")
                    .setParameter("ward", f.ward).setParameter("phone", f.citizenPhone).setParameter("since", since)
                    .setParameter("id", f.id).setParameter("received", f.receivedAt);
            if (f.category != null) {
                samePersonQuery.setParameter("category", f.category);
            }
            List<?> samePerson = samePersonQuery.getResultList();
            if (!samePerson.isEmpty()) {
                return Optional.of((UUID) samePerson.get(0));
            }
        }
        // Candidates come from the trigram index alone, at our threshold: the planner, left to itself, tends to scan
        // the whole ward computing similarities (its estimates for "%" are poor). Settings are local to the transaction.
        em.createNativeQuery("select set_config('pg_trgm.similarity_threshold', :t, true),"
                + " set_config('enable_seqscan', 'off', true)")
                .setParameter("t", String.valueOf(config.duplicateSimilarity())).getResultList();
        List<?> near = em.createNativeQuery("select id from feedback where content_folded % :text limit 200")
                .setParameter("text", f.contentFolded).getResultList();
        em.createNativeQuery("select set_config('enable_seqscan', 'on', true)").getResultList();
        if (near.isEmpty()) {
            return Optional.empty();
        }
        boolean placed = f.latitude != null && f.longitude != null;
        var sameTextQuery = em.createNativeQuery("select id from feedback where id in (:near) and ward = :ward"
                + " and id <> :id and received_at <= :received and similarity(content_folded, :text) >= :threshold"
                + " and received_at >= :since and status not in ('REJECTED', 'DUPLICATE')" + (placed ? NEARBY : "")
                + " order by similarity(content_folded, :text) desc, received_at desc limit 1")
                .setParameter("near", near).setParameter("ward", f.ward).setParameter("text", f.contentFolded)
                .setParameter("threshold", config.duplicateSimilarity()).setParameter("since", since)
                .setParameter("id", f.id).setParameter("received", f.receivedAt);
        if (placed) {
            sameTextQuery.setParameter("lat", f.latitude).setParameter("lon", f.longitude)
                    .setParameter("radius", config.duplicateRadiusMetres());
        }
        List<?> sameText = sameTextQuery.getResultList();
        return sameText.isEmpty() ? Optional.empty() : Optional.of((UUID) sameText.get(0));
    }
}
