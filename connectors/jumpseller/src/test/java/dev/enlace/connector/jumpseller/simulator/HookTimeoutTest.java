package dev.enlace.connector.jumpseller.simulator;

import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.HookAttempt;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HookTimeoutTest extends SimulatorTest {

    @Override
    JumpsellerSimulator.Options options() {
        // the 15 s answer timeout shrunk to 200 ms so an unanswered delivery fails fast
        return super.options().withWebhooks(Duration.ofMillis(200), 1e-7, 8);
    }

    @Test
    void unansweredDeliveryTimesOutAndIsRetried() {
        try (HookReceiver receiver = new HookReceiver(vertx)) {
            receiver.hang();
            api.post("/hooks.json", "{\"hook\": {\"event\": \"customer_created\", \"url\": \"" + receiver.url() + "\"}}");
            api.post("/customers.json", "{\"customer\": {\"email\": \"ana@example.cl\"}}");

            await().atMost(Duration.ofSeconds(5)).until(() -> sim.hookAttempts(store.code()).size() == 5);
            assertThat(receiver.received()).hasSize(5);
            assertThat(sim.hookAttempts(store.code())).allSatisfy(a -> {
                assertThat(a.status()).isZero();
                assertThat(a.error()).isNotBlank();
            });
            assertThat(sim.hookAttempts(store.code())).noneMatch(HookAttempt::delivered);
        }
    }
}
