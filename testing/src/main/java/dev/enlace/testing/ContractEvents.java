package dev.enlace.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.enlace.events.EventType;
import dev.enlace.events.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;

/**
 * Publishes an event of the public contract the way any producer with the CloudEvents SDK
 * would (binary mode), e.g. a ProductLinked standing in for catalog-service in stock-service's
 * tests.
 */
public final class ContractEvents implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, CloudEvent> producer;

    public ContractEvents(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", CloudEventSerializer.class.getName());
        props.put("acks", "all");
        producer = new KafkaProducer<>(props);
    }

    /** Sends {@code data} and waits for the broker's acknowledgement; returns the event id. */
    public String publish(String tenant, String subject, Record data) {
        String id = UUID.randomUUID().toString();
        try {
            send(id, tenant, subject, data).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + data.getClass().getSimpleName(), e);
        }
        return id;
    }

    /** Sends without waiting, for bulk set-ups; {@link #close()} waits for everything sent. */
    public void send(String tenant, String subject, Record data) {
        send(UUID.randomUUID().toString(), tenant, subject, data);
    }

    private java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(String id, String tenant,
            String subject, Record data) {
        EventType type = EventType.of(data.getClass());
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(id)
                    .withType(type.type())
                    .withSource(URI.create("/enlace/test"))
                    .withSubject(subject)
                    .withTime(OffsetDateTime.now())
                    .withDataContentType("application/json")
                    .withExtension("tenant", tenant)
                    .withData(MAPPER.writeValueAsBytes(data))
                    .build();
            return producer.send(new ProducerRecord<>(type.topic(), Topics.key(tenant, subject), event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not publish " + type.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
