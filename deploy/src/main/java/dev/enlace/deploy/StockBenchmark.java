package dev.enlace.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.bsale.simulator.BsaleSimulatorOptions;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin;
import dev.enlace.connector.jumpseller.simulator.JumpsellerSimulator;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.Simulators;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ST1 under load, and the ST9 resync against a store's budget, on the real stack: embedded
 * Kafka, PostgreSQL, stock-service as its own JVM, the Bsale and Jumpseller simulators.
 *
 * <p>Load: {@code --tenants T} tenants with {@code --skus N} linked SKUs each; {@code --rate R}
 * ERP stock changes per second for {@code --seconds D}, spread over the tenants, after as long a warm-up at the
 * same rate ({@code --warmup W} seconds, default 150, not measured: a service in production is warm, and after 60 s the JIT compilers still took 8 % of the machine); latency is the
 * time from the Bsale change to the Jumpseller hook that shows the new value (the store write
 * plus the hook's own delivery). Resync: a tenant with {@code --resync-skus S} SKUs, forced
 * resync, store writes per second over {@code --resync-window} seconds against the store's
 * published budget. {@code --coalescing off} runs stock-service with
 * {@code enlace.stock.writes.coalescing=false} (every change written, in order; default on). Not a test:
 * it prints figures (docs/benchmarks.md).
 */
public final class StockBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Above the demo tenants' initial stock. */
    private static final AtomicLong NEXT_VALUE = new AtomicLong(100_000);

    private record Expected(int value, long startNanos) {
    }

    private StockBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>(Map.of("--tenants", "20", "--skus", "50", "--rate", "200",
                "--seconds", "30", "--resync-skus", "0", "--resync-window", "120", "--bsale-budget", "unlimited",
                "--coalescing", "on", "--warmup", "150"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        int tenants = Integer.parseInt(opts.get("--tenants"));
        int skus = Integer.parseInt(opts.get("--skus"));
        int rate = Integer.parseInt(opts.get("--rate"));
        int seconds = Integer.parseInt(opts.get("--seconds"));
        int resyncSkus = Integer.parseInt(opts.get("--resync-skus"));
        int resyncWindow = Integer.parseInt(opts.get("--resync-window"));
        int warmup = Integer.parseInt(opts.get("--warmup"));
        // stock-service's enlace.stock.writes.coalescing: off writes every change, in order
        boolean coalescing = !"off".equals(opts.get("--coalescing"));
        // Bsale's own limit (3,000 per 300 s, as one integrator reports it) is about the ERP, not
        // Enlace; the load would hit it first, so it is lifted unless asked for
        BsaleSimulatorOptions bsaleOptions = "real".equals(opts.get("--bsale-budget"))
                ? BsaleSimulatorOptions.defaults()
                : unlimitedBsale();

        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve(".local/bench");
        LocalStack.deleteRecursively(work);
        Path tenantsDir = Files.createDirectories(work.resolve("tenants"));
        LocalStack stack = new LocalStack(new LocalStack.Options(root, work, List.of("stock-service"), false, "bench"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stack.withEnvironment("stock-service", Map.of("ENLACE_STOCK_WRITES_COALESCING", String.valueOf(coalescing)));
        stack.startInfrastructure(bsaleOptions, JumpsellerSimulator.Options.defaults());
        Simulators sims = stack.simulators();
        String stockUrl = stack.serviceUrl("stock-service");

        System.out.printf("Coalescing %s%n", coalescing ? "on" : "off");
        System.out.printf("Creating %d tenants x %d SKUs%s...%n", tenants, skus,
                resyncSkus > 0 ? " and one tenant with " + resyncSkus + " SKUs" : "");
        List<DemoTenant.Created> load = new ArrayList<>();
        for (int t = 1; t <= tenants; t++) {
            load.add(DemoTenant.create(sims, tenantsDir, "t" + t, new DemoTenant.Options(skus, false, List.of(1L), stockUrl)));
        }
        DemoTenant.Created bulk = resyncSkus > 0
                ? DemoTenant.create(sims, tenantsDir, "bulk", new DemoTenant.Options(resyncSkus, false, List.of(1L), stockUrl))
                : null;
        if (!"real".equals(opts.get("--bsale-budget"))) {
            liftBsaleBudget(tenantsDir);
        }
        stack.startServices(tenantsDir);

        long linkStart = System.nanoTime();
        try (ContractEvents contract = new ContractEvents(stack.broker().bootstrapServers())) {
            for (DemoTenant.Created tenant : load) {
                link(sims, contract, tenant);
            }
        }
        for (DemoTenant.Created tenant : load) {
            for (String sku : tenant.skus()) {
                awaitStore(sims, tenant, sku, expectedInitial(sims, tenant, sku), Duration.ofMinutes(5));
            }
        }
        System.out.printf("Linked and synced %d SKUs in %d ms%n", tenants * skus,
                Duration.ofNanos(System.nanoTime() - linkStart).toMillis());

        runLoad(stack, sims, load, rate, seconds, warmup);
        if (bulk != null) {
            runResync(stack, sims, bulk, resyncWindow);
        }
        stack.close();
        System.exit(0);
    }

    /** Enlace respects the Bsale budget the tenant file gives, so a budget lifted in the simulator is written there too. */
    static void liftBsaleBudget(Path tenantsDir) throws java.io.IOException {
        try (var files = Files.list(tenantsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.writeString(file, Files.readString(file).replaceFirst("(?m)^    companyId: (.*)$",
                        "    companyId: $1\n    rateLimits: \"100000/1s\""));
            }
        }
    }

    /** Bsale's budget lifted far beyond any load, in the simulator. */
    static BsaleSimulatorOptions unlimitedBsale() {
        return BsaleSimulatorOptions.defaults().withRateLimit(1_000_000_000, Duration.ofSeconds(300));
    }

    private static void link(Simulators sims, ContractEvents contract, DemoTenant.Created tenant) {
        for (String sku : tenant.skus()) {
            JumpsellerAdmin.StockLevel store = sims.jumpseller().stock(tenant.storeCode(), sku);
            contract.send(tenant.id(), sku, new ProductLinked(tenant.id(), sku,
                    new ExternalRef("bsale", "p", String.valueOf(tenant.bsaleVariants().get(sku))),
                    new ExternalRef("jumpseller", String.valueOf(store.productId()),
                            store.variantId() == null ? null : String.valueOf(store.variantId())),
                    LinkMethod.SKU, OffsetDateTime.now()));
        }
    }

    private static int expectedInitial(Simulators sims, DemoTenant.Created tenant, String sku) {
        double available = sims.bsale().stock(tenant.cpnId(), tenant.bsaleVariants().get(sku), DemoTenant.OFFICE)
                .quantityAvailable();
        return (int) Math.max(0, Math.floor(available));
    }

    private static void awaitStore(Simulators sims, DemoTenant.Created tenant, String sku, int expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sims.jumpseller().stock(tenant.storeCode(), sku).stock() != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(tenant.id() + " " + sku + " never reached " + expected);
            }
            Thread.sleep(20);
        }
    }

    /**
     * What one phase of the load saw. Every change is measured: its latency is the time until the store shows its
     * value or that of a later change to the same SKU (the store is then at least as fresh as the change). Counting
     * only the values the store happened to show would hide a backlog, as a lagging value is mostly overtaken.
     */
    private static final class Phase {
        final Map<String, java.util.ArrayDeque<Expected>> awaited = new ConcurrentHashMap<>();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong overtaken = new AtomicLong();
        final AtomicLong waiting = new AtomicLong();

        void issued(String key, int value) {
            var queue = awaited.computeIfAbsent(key, k -> new java.util.ArrayDeque<>());
            synchronized (queue) {
                queue.addLast(new Expected(value, System.nanoTime()));
            }
            waiting.incrementAndGet();
        }

        /** The store shows {@code value}: the newest change with it, and all before it, are there. */
        void shown(String key, int value, long nowNanos) {
            var queue = awaited.get(key);
            if (queue == null) {
                return;
            }
            synchronized (queue) {
                int position = -1;
                int i = 0;
                for (Expected e : queue) {
                    if (e.value() == value) {
                        position = i;
                    }
                    i++;
                }
                for (int n = 0; n <= position; n++) {
                    Expected e = queue.removeFirst();
                    latencies.add((nowNanos - e.startNanos()) / 1_000_000);
                    if (n < position) {
                        overtaken.incrementAndGet();
                    }
                    waiting.decrementAndGet();
                }
            }
        }
    }

    private static void runLoad(LocalStack stack, Simulators sims, List<DemoTenant.Created> tenants, int rate, int seconds, int warmupSeconds)
            throws Exception {
        AtomicReference<Phase> phase = new AtomicReference<>(new Phase());
        Vertx vertx = Vertx.vertx();
        HttpServer receiver = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            long now = System.nanoTime();
            Phase current = phase.get();
            String store = request.getHeader("Jumpseller-Store-Code");
            try {
                JsonNode product = JSON.readTree(body.getBytes()).path("product");
                List<JsonNode> units = new ArrayList<>();
                product.path("variants").forEach(units::add);
                if (units.isEmpty()) {
                    units.add(product);
                }
                for (JsonNode unit : units) {
                    current.shown(store + "|" + unit.path("sku").asText(), unit.path("stock").asInt(), now);
                }
            } catch (Exception ignored) {
                // a hook the benchmark cannot read is simply not measured
            }
            request.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        String hookUrl = "http://127.0.0.1:" + receiver.actualPort() + "/hooks";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (DemoTenant.Created tenant : tenants) {
            var credentials = sims.jumpseller().credentials(tenant.storeCode());
            String basic = Base64.getEncoder().encodeToString((credentials.login() + ":" + credentials.authtoken())
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest register = HttpRequest.newBuilder(URI.create(sims.jumpsellerUrl() + "/v1/hooks.json"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"hook\":{\"event\":\"product_stock_updated\",\"url\":\""
                            + hookUrl + "\"}}")).build();
            HttpResponse<String> r = http.send(register, HttpResponse.BodyHandlers.ofString());
            // the initial sync may have used this minute's budget: wait like any client would
            for (int tries = 0; r.statusCode() == 429 && tries < 90; tries++) {
                Thread.sleep(1000);
                r = http.send(register, HttpResponse.BodyHandlers.ofString());
            }
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("hook not registered: " + r.body());
            }
        }

        Random random = new Random(42);
        if (warmupSeconds > 0) {
            // a service runs for days: its JIT-compiled code, pools and caches are warm, as they are after this
            System.out.printf("Warm-up: %d ERP stock changes/s for %d s (not measured)...%n", rate, warmupSeconds);
            drive(sims, tenants, rate, warmupSeconds, random, phase.get());
            awaitShown(phase.get(), Duration.ofSeconds(30));
            phase.set(new Phase());
        }
        for (DemoTenant.Created tenant : tenants) {
            sims.jumpseller().resetCounters(tenant.storeCode());
        }
        Phase measured = phase.get();
        Map<String, Double> metricsBefore = serviceMetrics(stack);
        System.out.printf("Load: %d ERP stock changes/s for %d s over %d tenants...%n", rate, seconds, tenants.size());
        double issuedPerSecond = drive(sims, tenants, rate, seconds, random, measured);
        awaitShown(measured, Duration.ofSeconds(60));
        long total = (long) rate * seconds;
        long writes = 0;
        long limited = 0;
        for (DemoTenant.Created tenant : tenants) {
            var counters = sims.jumpseller().counters(tenant.storeCode());
            writes += counters.apiCalls();
            limited += counters.rateLimited();
        }
        List<Long> sorted = new ArrayList<>(measured.latencies);
        Collections.sort(sorted);
        System.out.println();
        System.out.printf("changes issued          %d (%.0f/s achieved)%n", total, issuedPerSecond);
        System.out.printf("changes measured        %d; overtaken (the store showed a later value first) %d;"
                + " never shown within 60 s: %d%n", sorted.size(), measured.overtaken.get(), measured.waiting.get());
        System.out.printf("store API calls         %d (%.2f per change), 429 answers: %d%n", writes, writes / (double) total, limited);
        if (!sorted.isEmpty()) {
            System.out.printf("latency ERP -> store    p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1));
        }
        printStageTimes(metricsBefore, serviceMetrics(stack));
        receiver.close();
        vertx.close();
    }

    /** Changes random SKUs of the tenants in turn, {@code rate} a second; returns the rate achieved. */
    private static double drive(Simulators sims, List<DemoTenant.Created> tenants, int rate, int seconds, Random random,
            Phase phase) throws InterruptedException {
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            DemoTenant.Created tenant = tenants.get((int) (n % tenants.size()));
            List<String> skus = tenant.stockOnly();
            String sku = skus.get(random.nextInt(skus.size()));
            // never a value the SKU had before: a change back to an earlier value might write nothing to the store
            int value = (int) NEXT_VALUE.incrementAndGet();
            phase.issued(tenant.storeCode() + "|" + sku, value);
            sims.bsale().setStock(tenant.cpnId(), tenant.bsaleVariants().get(sku), DemoTenant.OFFICE, value);
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    /** Until the store shows every value still awaited, or the time is up. */
    private static void awaitShown(Phase phase, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (phase.waiting.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void runResync(LocalStack stack, Simulators sims, DemoTenant.Created bulk, int windowSeconds)
            throws Exception {
        System.out.printf("%nResync of %d SKUs: linking...%n", bulk.skus().size());
        long linkStart = System.nanoTime();
        try (ContractEvents contract = new ContractEvents(stack.broker().bootstrapServers())) {
            link(sims, contract, bulk);
        }
        awaitLinked(bulk, linkStart);
        String started = Http.post(stack.serviceUrl("stock-service") + "/tenants/bulk/stock/resync", "");
        String runId = JSON.readTree(started).get("id").asText();
        sims.jumpseller().resetCounters(bulk.storeCode());
        long t0 = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String progress = "";
        for (int s = 10; s <= windowSeconds; s += 10) {
            Thread.sleep(10_000);
            progress = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl("stock-service")
                    + "/tenants/bulk/stock/runs/" + runId)).build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonNode p = JSON.readTree(progress);
            System.out.printf("  %3d s: status %s, ERP read %d/%d, writes %d/%d, %.1f writes/s, %s s remaining%n", s,
                    p.path("status").asText(), p.path("erpRead").asLong(), p.path("linked").asLong(),
                    p.path("written").asLong(), p.path("storeQueued").asLong(), p.path("ratePerSecond").asDouble(),
                    p.path("remainingSeconds").isNull() ? "?" : p.path("remainingSeconds").asText());
        }
        var counters = sims.jumpseller().counters(bulk.storeCode());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double perSecond = counters.apiCalls() / elapsed;
        double budget = Math.min(20.0, 800.0 / 60.0);
        System.out.printf("resync store calls      %d in %.0f s = %.2f/s; the store's budget is %.2f/s (800/min, 20/s): %.1f %% used, 429 answers: %d%n",
                counters.apiCalls(), elapsed, perSecond, budget, 100 * perSecond / budget, counters.rateLimited());
    }

    /**
     * Until stock-service has recorded every link of the tenant and read their first stock from the ERP (the
     * resync is then over the whole catalogue), read from its database: no API lists links.
     */
    private static void awaitLinked(DemoTenant.Created bulk, long since) throws Exception {
        String url = dev.enlace.platform.testing.PostgresDatabases.jdbcUrl("enlace_bench_stock");
        try (var db = java.sql.DriverManager.getConnection(url, dev.enlace.platform.testing.PostgresDatabases.user(),
                dev.enlace.platform.testing.PostgresDatabases.password());
                var query = db.prepareStatement("SELECT count(*), count(initial_pending_at) FROM stock_link WHERE tenant = ?")) {
            query.setString(1, bulk.id());
            long lastPrint = 0;
            while (true) {
                long linked;
                long pending;
                try (var rs = query.executeQuery()) {
                    rs.next();
                    linked = rs.getLong(1);
                    pending = rs.getLong(2);
                }
                long seconds = Duration.ofNanos(System.nanoTime() - since).toSeconds();
                if (linked >= bulk.skus().size() && pending == 0) {
                    System.out.printf("  all %d linked and their ERP stock read in %d s%n", linked, seconds);
                    return;
                }
                if (seconds - lastPrint >= 10) {
                    System.out.printf("  %3d s: %d linked, %d waiting for their first ERP read%n", seconds, linked, pending);
                    lastPrint = seconds;
                }
                Thread.sleep(1000);
            }
        }
    }

    /** stock-service's own counters and timers (Micrometer, Prometheus format). */
    private static Map<String, Double> serviceMetrics(LocalStack stack) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl("stock-service") + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new java.util.TreeMap<>();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("enlace_") && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    /** Where the time goes during the measured load: the stage timers' change since {@code before}. */
    private static void printStageTimes(Map<String, Double> before, Map<String, Double> after) {
        for (String timer : List.of("enlace_inbox_processing", "enlace_stock_queue_to_store")) {
            double count = after.getOrDefault(timer + "_seconds_count", 0.0) - before.getOrDefault(timer + "_seconds_count", 0.0);
            double sum = after.getOrDefault(timer + "_seconds_sum", 0.0) - before.getOrDefault(timer + "_seconds_sum", 0.0);
            if (count > 0) {
                System.out.printf("%-28s %6.0f times, mean %.1f ms%n", timer, count, 1000 * sum / count);
            }
        }
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }
}
