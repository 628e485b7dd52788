package dev.enlace.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.enlace.connector.bsale.simulator.BsaleSimulatorOptions;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.connector.jumpseller.simulator.JumpsellerSimulator;
import dev.enlace.events.DocumentIssued;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.Simulators;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paid order to legal document (OR1 -> DO1) on the real stack: embedded Kafka, PostgreSQL, order-service
 * and document-service as their own JVMs, the Jumpseller and Bsale simulators. order-service registers the
 * store's order hooks itself (OP4); orders are placed and paid at {@code --rate} per second, which makes
 * the Jumpseller simulator send its signed {@code order_paid} hook. Latency is from the payment (the hook
 * leaving the store) to DocumentIssued on enlace.documents.v1 (the record's timestamp), so it holds the hook's
 * delivery, the order read back from Jumpseller, both services' inboxes, outboxes and Kafka hops, and the Bsale
 * call. Not a test: it prints figures (docs/benchmarks.md).
 */
public final class OrderDocumentBenchmark {
    private static final int WARM_UP = 10;
    private static final String TENANT = "bench";

    private OrderDocumentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("--orders", "200", "--rate", "10", "--bsale-budget", "real"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        int orders = Integer.parseInt(opts.get("--orders"));
        double rate = Double.parseDouble(opts.get("--rate"));
        // Bsale's published budget (3,000 calls per 300 s per company) bounds one tenant's documents per second;
        // "unlimited" lifts it, in the simulator and in the tenant file, to measure Enlace alone
        boolean unlimited = "unlimited".equals(opts.get("--bsale-budget"));

        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve(".local/order-bench");
        LocalStack.deleteRecursively(work);
        Path tenantsDir = Files.createDirectories(work.resolve("tenants"));
        LocalStack stack = new LocalStack(new LocalStack.Options(root, work, List.of("order-service", "document-service"),
                false, "orderbench"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stack.startInfrastructure(unlimited ? StockBenchmark.unlimitedBsale() : BsaleSimulatorOptions.defaults(),
                JumpsellerSimulator.Options.defaults());
        Simulators sims = stack.simulators();
        DemoTenant.Created shop = DemoTenant.create(sims, tenantsDir, TENANT,
                new DemoTenant.Options(10, false, List.of(DemoTenant.OFFICE), stack.serviceUrl("document-service")));
        DemoTenant.enableDocuments(tenantsDir, TENANT, false);
        if (unlimited) {
            StockBenchmark.liftBsaleBudget(tenantsDir);
        }
        // Bsale lets these sell without stock, and the store gets plenty: no order is refused for stock
        List<String> skus = shop.sellableWithoutStock();
        skus.forEach(sku -> sims.jumpseller().setStock(shop.storeCode(), sku, 1_000_000));
        stack.startServices(tenantsDir);

        try (ContractEvents contract = new ContractEvents(stack.broker().bootstrapServers());
                KafkaEvents documents = new KafkaEvents(stack.broker().bootstrapServers(), Topics.DOCUMENTS)) {
            for (String sku : shop.skus()) {
                contract.send(TENANT, sku, new ProductLinked(TENANT, sku,
                        new ExternalRef("bsale", "p", String.valueOf(shop.bsaleVariants().get(sku))),
                        new ExternalRef("jumpseller", "1", "1"), LinkMethod.SKU, OffsetDateTime.now()));
            }
            awaitOrderHooks(sims, shop, stack.serviceUrl("order-service"));

            // JIT warm-up, not measured
            issued(documents, placeAndPay(sims, shop, skus, WARM_UP, 1).keySet(), Duration.ofMinutes(2));

            sims.jumpseller().resetCounters(shop.storeCode());
            System.out.printf("Placing and paying %d orders, %.1f per second...%n", orders, rate);
            Map<Long, Long> paidAt = placeAndPay(sims, shop, skus, orders, rate);
            Map<String, Long> issuedAt = issued(documents, paidAt.keySet(), Duration.ofMinutes(10));

            List<Long> latencies = new ArrayList<>();
            paidAt.forEach((id, at) -> {
                Long done = issuedAt.get(String.valueOf(id));
                if (done != null) {
                    latencies.add(done - at);
                }
            });
            latencies.sort(Long::compare);
            long first = paidAt.values().stream().min(Long::compare).orElseThrow();
            long last = issuedAt.values().stream().max(Long::compare).orElse(first);
            int inBsale = sims.bsale().documents(shop.cpnId()).size();
            System.out.printf("%nPaid webhook -> DocumentIssued, %d orders placed and paid at %.1f/s (after %d warm-up orders)%n",
                    orders, rate, WARM_UP);
            JumpsellerAdmin.ApiCounters store = sims.jumpseller().counters(shop.storeCode());
            System.out.printf("Bsale budget          %s%n", unlimited ? "lifted (--bsale-budget unlimited)"
                    : "real: 3,000 calls per 300 s per company");
            System.out.printf("Jumpseller API        %d calls (order read-backs), %d x 429%n",
                    store.apiCalls(), store.rateLimited());
            System.out.printf("issued                %d of %d (documents in Bsale: %d, expected %d)%n",
                    latencies.size(), orders, inBsale, orders + WARM_UP);
            if (!latencies.isEmpty()) {
                System.out.printf("latency               median %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                        pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies.get(latencies.size() - 1));
                System.out.printf("throughput            %.1f documents/s (first payment to last DocumentIssued: %d ms)%n",
                        1000.0 * latencies.size() / Math.max(1, last - first), last - first);
            }
        }
        stack.close();
        System.exit(0);
    }

    /** OP4: order-service subscribes the store to its order hooks when it loads the tenant. */
    private static void awaitOrderHooks(Simulators sims, DemoTenant.Created shop, String orderServiceUrl)
            throws InterruptedException {
        String url = orderServiceUrl + "/webhooks/jumpseller/" + TENANT;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sims.jumpseller().hookStates(shop.storeCode()).stream()
                .noneMatch(h -> h.event().equals("order_paid") && h.url().equals(url))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("order-service did not register the store's order hooks; see its log");
            }
            Thread.sleep(200);
        }
    }

    /**
     * A shop's day: each order is placed and paid at once, {@code rate} orders per second; the simulator
     * sends {@code order_pending_payment}, then {@code order_paid} and {@code order_updated}. Returns when each
     * was paid, by order id.
     */
    private static Map<Long, Long> placeAndPay(Simulators sims, DemoTenant.Created shop, List<String> skus, int count,
            double rate) throws InterruptedException {
        Map<Long, Long> paidAt = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = start + (long) (i * 1_000_000_000L / rate) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long id = sims.jumpseller().placeOrder(shop.storeCode(), new JumpsellerAdmin.OrderRequest(
                    new JumpsellerAdmin.Shopper("buyer" + i + "@example.cl", null, null, null), null, null, null, List.of(),
                    List.of(JumpsellerAdmin.OrderLine.sku(skus.get(i % skus.size()), 1)), null, null, "Webpay", null, null));
            paidAt.put(id, System.currentTimeMillis());
            sims.jumpseller().payOrder(shop.storeCode(), id);
        }
        return paidAt;
    }

    /** When each order's DocumentIssued was produced (record timestamp), by order id. */
    private static Map<String, Long> issued(KafkaEvents documents, Set<Long> orderIds, Duration timeout) throws Exception {
        Set<String> wanted = new java.util.HashSet<>();
        orderIds.forEach(id -> wanted.add(String.valueOf(id)));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        List<ConsumerRecord<String, CloudEvent>> records = documents.await(r -> DocumentIssued.TYPE.equals(r.value().getType())
                && wanted.contains(r.key().substring(r.key().indexOf('/') + 1)), wanted.size(), timeout);
        Map<String, Long> at = new HashMap<>();
        for (ConsumerRecord<String, CloudEvent> r : records) {
            DocumentIssued event = json.readValue(r.value().getData().toBytes(), DocumentIssued.class);
            at.merge(event.orderId(), r.timestamp(), Math::min);
        }
        return at;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }
}
