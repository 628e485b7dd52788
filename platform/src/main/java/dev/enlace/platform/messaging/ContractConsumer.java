package dev.enlace.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.function.Function;

/**
 * The one way a service consumes events of the public contract: read the CloudEvent, do the
 * (database-only) work on its own Vert.x context, then acknowledge; a failure is negatively
 * acknowledged, so the channel's failure strategy (dead-letter topic) takes it.
 */
public final class ContractConsumer {
    private ContractConsumer() {
    }

    /** Messages that are not CloudEvents are acknowledged and skipped: nothing to apply. */
    public static Uni<Void> consume(Vertx vertx, Message<String> message, Function<EventEnvelope, Uni<Void>> work) {
        return IsolatedContext.run(vertx, () -> EventEnvelope.of(message).map(work).orElse(Uni.createFrom().voidItem()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(err -> Uni.createFrom().completionStage(message.nack(err)));
    }
}
