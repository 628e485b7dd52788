package dev.enlace.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * A Kafka record laid out as the contract says (binary mode, ce_* headers, JSON value) is read
 * by the CloudEvents Java SDK the README shows, with the tenant as an extension.
 */
class CloudEventsSdkReadsPublishedRecordsTest {

    private static final ObjectMapper JSON = QuarkusLikeJson.mapper();

    @Test
    void deserializerReadsTypeSubjectTimeTenantAndData() throws Exception {
        StockChanged published = Samples.complete(StockChanged.class);
        RecordHeaders headers = new RecordHeaders();
        Map.of("ce_specversion", "1.0",
                        "ce_id", "5f1c0c9e-4a7b-4a59-9d7e-0f1c2b3a4d5e",
                        "ce_type", StockChanged.TYPE,
                        "ce_source", "/enlace/stock-service",
                        "ce_subject", published.sku(),
                        "ce_time", published.observedAt().toString(),
                        "content-type", "application/json",
                        "ce_tenant", published.tenant(),
                        "ce_causationid", "bsale-webhook-981")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));

        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            CloudEvent event = deserializer.deserialize(Topics.STOCK, headers, JSON.writeValueAsBytes(published));

            assertThat(event.getType()).isEqualTo(StockChanged.TYPE);
            assertThat(event.getSubject()).isEqualTo(published.sku());
            assertThat(event.getTime()).isEqualTo(published.observedAt());
            assertThat(event.getExtension("tenant")).isEqualTo(published.tenant());
            assertThat(event.getExtension("causationid")).isEqualTo("bsale-webhook-981");
            // Jackson reads times back in UTC by default: the same instant, another offset
            assertThat(JSON.readValue(event.getData().toBytes(), StockChanged.class))
                    .usingRecursiveComparison()
                    .withComparatorForType(OffsetDateTime.timeLineOrder(), OffsetDateTime.class)
                    .isEqualTo(published);
        }
    }
}
