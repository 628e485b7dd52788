package dev.enlace.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Makes an at-least-once consumer effectively exactly-once: the work and a marker row keyed
 * by (consumer, event id) commit in one transaction, and a redelivered event finds the
 * marker and does nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** Runs {@code work} in a transaction unless this consumer already applied the event; true if it ran. */
    public Uni<Boolean> once(String consumer, String eventId, Supplier<Uni<Void>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : work.get().replaceWith(true)));
    }
}
