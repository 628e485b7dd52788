package dev.enlace.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.enlace.events.Address;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentIssued;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.DemoTenant;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DO8 against crashes: 500 OrderPaid events flow while document-service (a separate JVM) is killed with
 * {@code destroyForcibly} at random moments and started again. Bsale must end with exactly 500 documents,
 * one per order. Prints the figures and the OrderPaid -> DocumentIssued latency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsCrashIT {
    private static final int ORDERS = 500;
    private static final int KILLS = 4;
    private LocalStack stack;
    private DemoTenant.Created shop;
    private ContractEvents contract;
    private KafkaEvents events;

    @BeforeAll
    void startTheStack() throws Exception {
        Path root = Path.of(System.getProperty("enlace.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("deploy/target/e2e-documents");
        LocalStack.deleteRecursively(work);
        Path tenants = Files.createDirectories(work.resolve("tenants"));
        stack = new LocalStack(new LocalStack.Options(root, work, List.of("document-service"), false, "crash"));
        stack.startInfrastructure();
        shop = DemoTenant.create(stack.simulators(), tenants, "shop",
                new DemoTenant.Options(10, false, List.of(DemoTenant.OFFICE), stack.serviceUrl("document-service")));
        DemoTenant.enableDocuments(tenants, "shop", false);
        stack.startServices(tenants);
        contract = new ContractEvents(stack.broker().bootstrapServers());
        events = new KafkaEvents(stack.broker().bootstrapServers(), Topics.DOCUMENTS);
        for (String sku : shop.skus()) {
            contract.publish("shop", sku, new ProductLinked("shop", sku,
                    new ExternalRef("bsale", "p", String.valueOf(shop.bsaleVariants().get(sku))),
                    new ExternalRef("jumpseller", "1", "1"), LinkMethod.SKU, OffsetDateTime.now()));
        }
    }

    @AfterAll
    void stopTheStack() {
        if (events != null) {
            events.close();
        }
        if (contract != null) {
            contract.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static OrderSnapshot order(String id, String sku) {
        Address address = new Address("Ana Pérez", "Av. Italia 1234", "Santiago", "Providencia", "RM", null, "CL");
        OrderLine line = new OrderLine(sku, "1", "1", sku, BigDecimal.ONE, Money.of("11890", "CLP"),
                Money.of("0", "CLP"), new BigDecimal("19"), true);
        return new OrderSnapshot("jumpseller", id, "paid", null, "CLP", List.of(line), null, address,
                BillingChoice.receipt(), "webpay", false, Money.of("11890", "CLP"), Money.of("0", "CLP"),
                Money.of("0", "CLP"), Money.of("0", "CLP"), Money.of("11890", "CLP"), OffsetDateTime.now());
    }

    @Test
    void fiveHundredPaidOrdersThroughCrashesGiveFiveHundredDocuments() throws Exception {
        // sold without stock in Bsale, so the 500 sales never run out
        List<String> skus = shop.sellableWithoutStock();
        Random random = new Random(8);
        Set<Integer> killAt = random.ints(KILLS, 20, ORDERS - 20).boxed().collect(Collectors.toSet());
        Map<String, Long> paidAt = new HashMap<>();
        int kills = 0;
        for (int i = 0; i < ORDERS; i++) {
            String id = String.valueOf(50_000 + i);
            paidAt.put(id, System.currentTimeMillis());
            contract.publish("shop", id, new OrderPaid("shop", order(id, skus.get(i % skus.size())), OffsetDateTime.now()));
            if (killAt.contains(i)) {
                Thread.sleep(random.nextInt(400));
                stack.kill("document-service");
                kills++;
                stack.restart("document-service");
            }
        }

        List<ConsumerRecord<String, CloudEvent>> issued = events.await(
                r -> DocumentIssued.TYPE.equals(r.value().getType()), ORDERS, Duration.ofMinutes(10));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Map<String, Long> firstIssued = new HashMap<>();
        for (ConsumerRecord<String, CloudEvent> r : issued) {
            DocumentIssued event = json.readValue(r.value().getData().toBytes(), DocumentIssued.class);
            firstIssued.merge(event.orderId(), r.timestamp(), Math::min);
        }
        List<Long> latencies = new ArrayList<>();
        firstIssued.forEach((order, at) -> latencies.add(at - paidAt.get(order)));
        latencies.sort(Long::compare);
        int documents = stack.simulators().bsale().documents(shop.cpnId()).size();
        System.out.printf("DocumentsCrashIT: %d orders, %d kills of document-service, %d DocumentIssued events for %d"
                        + " orders, %d documents in Bsale; OrderPaid -> DocumentIssued median %d ms, p99 %d ms%n",
                ORDERS, kills, issued.size(), firstIssued.size(), documents,
                latencies.isEmpty() ? -1 : latencies.get(latencies.size() / 2),
                latencies.isEmpty() ? -1 : latencies.get(Math.min(latencies.size() - 1, (int) (latencies.size() * 0.99))));

        assertThat(firstIssued).hasSize(ORDERS);
        // one per order: 500 orders issued, and not one document more in the ERP
        assertThat(documents).isEqualTo(ORDERS);
    }
}
