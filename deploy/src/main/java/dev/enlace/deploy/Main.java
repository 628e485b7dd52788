package dev.enlace.deploy;

import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.StockChanges;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * {@code bin/enlace-local}: starts the whole stack with the demo tenant, links its products
 * by SKU, then moves Bsale stock every couple of seconds and prints how long each change took
 * to reach the Jumpseller store. Stays up until Ctrl-C. {@code --changes N} stops after N
 * changes and prints the median and p95 instead.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int changes = 0;
        int products = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--changes" -> changes = Integer.parseInt(args[++i]);
                case "--products" -> products = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Path tenants = root.resolve("tenants");
        LocalStack stack = new LocalStack(new LocalStack.Options(root, root.resolve(".local"),
                List.copyOf(LocalStack.SERVICES.keySet()), true, "local"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "enlace-local-stop"));
        System.out.println("Starting Kafka (embedded) and the simulators...");
        stack.startInfrastructure();
        DemoTenant.Created demo = DemoTenant.create(stack.simulators(), tenants, "demo",
                new DemoTenant.Options(products, false, List.of(DemoTenant.OFFICE), stack.serviceUrl("stock-service")));
        System.out.println("Starting the five services (logs in .local/logs)...");
        stack.startServices(tenants);
        String linked = Http.post(stack.serviceUrl("catalog-service") + "/tenants/demo/links/by-sku", "");
        System.out.println("Linked by SKU: " + linked);
        StockChanges flow = new StockChanges(stack.simulators(), demo);
        long syncStart = System.nanoTime();
        for (String sku : demo.skus()) {
            flow.awaitStore(sku, StockChanges.expectedInStore(flow.erpAvailable(sku)), syncStart, Duration.ofSeconds(60));
        }
        System.out.printf("Initial stock of %d linked products in the store after %d ms%n", demo.skus().size(),
                Duration.ofNanos(System.nanoTime() - syncStart).toMillis());
        printUrls(stack);

        Random random = new Random();
        List<Duration> latencies = new ArrayList<>();
        for (int n = 1; changes == 0 || n <= changes; n++) {
            String sku = demo.skus().get(random.nextInt(demo.skus().size()));
            double delta = random.nextBoolean() ? 1 + random.nextInt(5) : -(1 + random.nextInt(3)) - 0.5;
            long start = System.nanoTime();
            double erp = flow.move(sku, delta);
            int expected = StockChanges.expectedInStore(erp);
            Duration took = flow.awaitStore(sku, expected, start, Duration.ofSeconds(30));
            if (took == null) {
                System.out.printf("%-10s Bsale %7.1f -> Jumpseller still %d after 30 s (expected %d)%n", sku, erp,
                        flow.storeStock(sku), expected);
            } else {
                latencies.add(took);
                System.out.printf("%-10s Bsale %7.1f -> Jumpseller %4d in %4d ms%n", sku, erp, expected, took.toMillis());
            }
            if (changes == 0) {
                Thread.sleep(2000);
            }
        }
        printSummary(latencies);
        stack.close();
        System.exit(0);
    }

    static void printSummary(List<Duration> latencies) {
        if (latencies.isEmpty()) {
            return;
        }
        List<Long> ms = new ArrayList<>(latencies.stream().map(Duration::toMillis).toList());
        Collections.sort(ms);
        System.out.printf("%d changes: median %d ms, p95 %d ms, max %d ms%n", ms.size(), ms.get(ms.size() / 2),
                ms.get((int) Math.min(ms.size() - 1, Math.ceil(ms.size() * 0.95) - 1)), ms.get(ms.size() - 1));
    }

    private static void printUrls(LocalStack stack) {
        System.out.println();
        System.out.println("Enlace is running (Ctrl-C stops everything):");
        stack.services().forEach((name, p) -> System.out.printf("  %-17s %s  (OpenAPI: %s/q/openapi, health: %s/q/health)%n",
                name, p.url(), p.url(), p.url()));
        System.out.println("  Bsale simulator   " + stack.simulators().bsaleUrl() + "/v1");
        System.out.println("  Jumpseller sim.   " + stack.simulators().jumpsellerUrl() + "/v1");
        System.out.println("  Kafka             " + stack.broker().bootstrapServers());
        System.out.println("  Tenant file       tenants/demo.yaml");
        System.out.println();
    }
}
