package dev.enlace.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.StockChanged;
import dev.enlace.events.Topics;
import dev.enlace.platform.messaging.IsolatedContext;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Outbox#publishAll}: many events in a few statements, with {@link Outbox#publish}'s guarantees. */
@QuarkusTest
@WithTestResource(value = EnlaceTestResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_platform_test"))
class OutboxPublishAllTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;
    @Inject
    Vertx vertx;

    @Test
    void eventsQueuedTogetherLeaveOnceEachInTheirOrder() {
        // more than one INSERT's worth, all about one key: Kafka keeps their order only if the outbox does
        int count = Outbox.ROWS_PER_STATEMENT + 5;
        commit("bulk", pending("bulk", "BULK-1", count), "cause-1");

        List<ConsumerRecord<String, io.cloudevents.CloudEvent>> got;
        try (KafkaEvents events = stockTopic()) {
            got = events.await(r -> r.key().equals(Topics.key("bulk", "BULK-1")), count, WAIT);
        }
        assertThat(got).hasSize(count);
        assertThat(got).extracting(r -> new String(r.value().getData().toBytes()))
                .allSatisfy(data -> assertThat(data).contains("\"sku\":\"BULK-1\""));
        assertThat(got).extracting(r -> quantity(r)).containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
        assertThat(got).extracting(r -> r.value().getId()).doesNotHaveDuplicates();
        assertThat(got).extracting(r -> r.value().getExtension("causationid")).containsOnly("cause-1");
        assertThat(got).extracting(r -> r.value().getExtension("tenant")).containsOnly("bulk");
    }

    @Test
    void nothingLeavesWhenTheTransactionRollsBack() {
        assertThatThrownBy(() -> IsolatedContext.run(vertx, () -> Panache.withTransaction(() -> outbox.publishAll("rolled",
                        pending("rolled", "GONE-1", 3), null).chain(() -> Uni.createFrom().failure(new IllegalStateException("crash")))))
                .await().atMost(WAIT)).hasMessageContaining("crash");
        // a later event of the same tenant and key proves the relay went past where the rolled-back ones would be
        commit("rolled", pending("rolled", "GONE-1", 1), null);

        try (KafkaEvents events = stockTopic()) {
            events.await(r -> r.key().equals(Topics.key("rolled", "GONE-1")), 1, WAIT);
            assertThat(events.settle(r -> r.key().equals(Topics.key("rolled", "GONE-1")), Duration.ofSeconds(2))).hasSize(1);
        }
    }

    private static KafkaEvents stockTopic() {
        return new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.STOCK);
    }

    private void commit(String tenant, List<Outbox.Pending> pending, String causation) {
        IsolatedContext.run(vertx, () -> Panache.withTransaction(() -> outbox.publishAll(tenant, pending, causation)))
                .await().atMost(WAIT);
    }

    private static List<Outbox.Pending> pending(String tenant, String sku, int count) {
        return IntStream.range(0, count).mapToObj(i -> new Outbox.Pending(sku, new StockChanged(tenant, sku,
                new ExternalRef("testerp", "p-" + sku, "v-" + sku), "all", BigDecimal.valueOf(i), (long) i, false,
                OffsetDateTime.now()))).toList();
    }

    private static int quantity(ConsumerRecord<String, io.cloudevents.CloudEvent> record) {
        try {
            return new ObjectMapper().readTree(record.value().getData().toBytes()).get("available").asInt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
