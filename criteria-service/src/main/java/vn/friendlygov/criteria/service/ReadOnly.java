package vn.friendlygov.criteria.service;

import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/** Read-only requests: entities are not snapshotted for dirty checking and nothing is flushed at commit. */
final class ReadOnly {

    private ReadOnly() {
    }

    static void session(EntityManager em) {
        Session s = em.unwrap(Session.class);
        s.setDefaultReadOnly(true);
        s.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
