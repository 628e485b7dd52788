package dev.enlace.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** An incoming CloudEvent of the public contract: its attributes and its JSON data. */
public record EventEnvelope(String id, String type, String subject, String tenant, String data) {

    /** Reads the CloudEvents attributes SmallRye parsed from the Kafka record's headers. */
    public static Optional<EventEnvelope> of(Message<String> message) {
        @SuppressWarnings("unchecked")
        var metadata = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(ce -> (IncomingCloudEventMetadata<Object>) ce);
        return metadata.map(ce -> new EventEnvelope(
                ce.getId(), ce.getType(), ce.getSubject().orElse(null),
                ce.<Object>getExtension("tenant").map(Object::toString).orElse(null),
                message.getPayload()));
    }

    public <T> T data(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + id + " of type " + this.type + " has unreadable data", e);
        }
    }
}
