package vn.friendlygov.notification.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs, on a connection of its own, to the {@code inbox_notification} channel that a trigger NOTIFYs on every
 * insert (V3 migration). PostgreSQL delivers a NOTIFY only once its transaction has committed, to every listening
 * session, so each replica hears what any replica committed. A lost connection is reopened with backoff; what was
 * committed meanwhile is not replayed (the front end reloads {@code GET /api/v1/inbox} when its stream reconnects).
 */
@ApplicationScoped
public class InboxListener {

    public static final String CHANNEL = "inbox_notification";
    public static final String APPLICATION_NAME = "notification-inbox-listener";
    private static final Logger LOG = Logger.getLogger(InboxListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final InboxStream stream;
    private final ObjectMapper mapper;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final AtomicInteger listens = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    public InboxListener(InboxStream stream, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.stream = stream;
        this.mapper = mapper;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent e) {
        start();
    }

    void onStop(@Observes ShutdownEvent e) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "inbox-listener");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the listener holds a connection that LISTENs (the live stream of this replica works). */
    public boolean listening() {
        return running && listening;
    }

    /** How many times LISTEN has succeeded (1 after start, one more after each reconnection). */
    public int listens() {
        return listens.get();
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listens.incrementAndGet();
                listening = true;
                backoff = Duration.ofSeconds(1);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification n : received) {
                            deliverSafely(c, n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (!running) {
                    return;
                }
                LOG.warnf("inbox listener lost its database connection (SQLState %s); reconnecting in %s",
                        e.getSQLState(), backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", APPLICATION_NAME);
        // a dead peer is noticed by the keepalive; a quiet channel is not an error
        p.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(true);
        return c;
    }

    /** The payload names the row; it is read back only when a client of this replica follows that unit. */
    /**
     * One notification: a failure to read or push it (a foreign payload on the channel, a subscriber that throws) is
     * logged and skipped, so that the listening thread never dies of it; a lost connection still ends the loop.
     */
    private void deliverSafely(Connection c, String payload) throws SQLException {
        try {
            deliver(c, payload);
        } catch (RuntimeException e) {
            LOG.warnf("skipped a %s notification that could not be delivered: %s", CHANNEL, e.getClass().getName());
        }
    }

    private void deliver(Connection c, String payload) throws SQLException {
        JsonNode n;
        try {
            n = mapper.readTree(payload);
        } catch (IOException e) {
            LOG.warnf("ignored an unreadable %s payload", CHANNEL);
            return;
        }
        String ward = n.path("ward").asText();
        String unit = n.path("unit").asText();
        if (!stream.followed(ward, unit)) {
            return;
        }
        try (PreparedStatement q = c.prepareStatement("select kind, title, body, subject_id, created_at, item_count, "
                + "changed_at from inbox_notification where id = ?")) {
            UUID id = UUID.fromString(n.path("id").asText());
            q.setObject(1, id);
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    stream.publish(new InboxNotificationCreated(id, ward, unit, r.getString(1), r.getString(2),
                            r.getString(3), r.getString(4), r.getObject(5, OffsetDateTime.class), r.getInt(6),
                            r.getObject(7, OffsetDateTime.class)));
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
