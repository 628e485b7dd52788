package dev.enlace.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL LISTEN on one connection for the whole service. A NOTIFY arrives only when the
 * transaction that sent it commits, so a listener wakes exactly when new work is visible;
 * the relays keep a slow poll as well, for notifications lost while reconnecting.
 */
@ApplicationScoped
public class PgNotifications {
    private static final Logger LOG = Logger.getLogger(PgNotifications.class);

    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private final Map<String, Runnable> listeners = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    public PgNotifications(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Calls {@code listener} on the event loop each time {@code channel} is notified. */
    public void listen(String channel, Runnable listener) {
        listeners.put(channel, listener);
        if (subscriber != null) {
            subscriber.channel(channel).handler(payload -> listener.run());
        }
    }

    void start(@Observes StartupEvent ignored) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:")
                ? url.substring("vertx-reactive:".length()) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 500L);
        listeners.forEach((channel, listener) -> subscriber.channel(channel).handler(payload -> listener.run()));
        subscriber.connect().subscribe().with(
                v -> LOG.debug("listening for PostgreSQL notifications"),
                err -> LOG.warnf("PostgreSQL LISTEN unavailable, relying on polling: %s", err.getMessage()));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
