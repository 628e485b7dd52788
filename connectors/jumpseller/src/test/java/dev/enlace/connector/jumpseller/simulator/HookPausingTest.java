package dev.enlace.connector.jumpseller.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HookPausingTest extends SimulatorTest {

    @Override
    JumpsellerSimulator.Options options() {
        // back-off of ~1 ms per retry: eight failed deliveries take milliseconds
        return super.options().withWebhooks(Duration.ofSeconds(2), 1e-7, 8);
    }

    @Test
    void hookIsPausedAfterEightConsecutiveFailedDeliveries() throws Exception {
        try (HookReceiver receiver = new HookReceiver(vertx)) {
            receiver.answer(503);
            api.post("/hooks.json", "{\"hook\": {\"event\": \"customer_created\", \"url\": \"" + receiver.url() + "\"}}");
            for (int i = 1; i <= 8; i++) {
                api.post("/customers.json", "{\"customer\": {\"email\": \"c" + i + "@example.cl\"}}");
                int expected = i * 5;
                await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == expected);
                await().atMost(Duration.ofSeconds(2)).until(() ->
                        sim.hookStates(store.code()).get(0).consecutiveFailures() == expected / 5);
            }
            assertThat(sim.hookStates(store.code()).get(0).paused()).isTrue();

            receiver.answer(200);
            api.post("/customers.json", "{\"customer\": {\"email\": \"c9@example.cl\"}}");
            Thread.sleep(200);
            assertThat(receiver.received()).hasSize(40);
        }
    }
}
