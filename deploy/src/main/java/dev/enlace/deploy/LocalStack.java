package dev.enlace.deploy;

import dev.enlace.connector.bsale.simulator.BsaleSimulatorOptions;
import dev.enlace.connector.jumpseller.simulator.JumpsellerSimulator;
import dev.enlace.platform.testing.EmbeddedKafkaBroker;
import dev.enlace.platform.testing.PostgresDatabases;
import dev.enlace.testing.Simulators;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enlace on one machine: an embedded Kafka broker, the PostgreSQL on 127.0.0.1:5432 (one
 * database per service), the Bsale and Jumpseller simulators, and the services as separate
 * JVMs built by Maven. Used by {@code bin/enlace-local} and by the end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

    /** Every service, with the port it listens on locally. */
    public static final Map<String, Integer> SERVICES = orderedPorts();

    /**
     * @param services     which services to run
     * @param fixedPorts   the documented ports (a demo people type URLs for) or free ones (tests)
     * @param databaseTag  databases are {@code enlace_<tag>_<service>}, recreated empty at start
     */
    public record Options(Path root, Path workDir, List<String> services, boolean fixedPorts, String databaseTag) {
    }

    private final Options options;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, Map<String, String>> extraEnvironments = new HashMap<>();
    private EmbeddedKafkaBroker broker;
    private Simulators simulators;

    public LocalStack(Options options) {
        this.options = options;
    }

    /** Starts infrastructure and simulators; services start with {@link #startServices(Path)} once tenants exist. */
    public LocalStack startInfrastructure() throws IOException {
        return startInfrastructure(BsaleSimulatorOptions.defaults(), JumpsellerSimulator.Options.defaults());
    }

    public LocalStack startInfrastructure(BsaleSimulatorOptions bsale, JumpsellerSimulator.Options jumpseller)
            throws IOException {
        Files.createDirectories(options.workDir());
        Path kafkaDir = options.workDir().resolve("kafka");
        deleteRecursively(kafkaDir);
        broker = EmbeddedKafkaBroker.start(kafkaDir, port(9092), 4);
        running.add(broker::closeAndDelete);
        simulators = Simulators.start(port(8091), port(8092), bsale, jumpseller);
        running.add(simulators);
        return this;
    }

    /** Extra environment (e.g. a config switch) for one service; call before {@link #startServices(Path)}. */
    public LocalStack withEnvironment(String service, Map<String, String> env) {
        extraEnvironments.computeIfAbsent(service, k -> new HashMap<>()).putAll(env);
        return this;
    }

    public LocalStack startServices(Path tenantsDir) throws IOException, InterruptedException {
        for (String name : options.services()) {
            String shortName = name.replace("-service", "");
            String database = "enlace_" + options.databaseTag() + "_" + shortName;
            PostgresDatabases.recreateDatabase(database);
            int port = port(SERVICES.get(name));
            Map<String, String> env = new HashMap<>();
            String prefix = shortName.toUpperCase(java.util.Locale.ROOT);
            env.put(prefix + "_SERVICE_PORT", String.valueOf(port));
            env.put("ENLACE_" + prefix + "_DB_URL", PostgresDatabases.reactiveUrl(database));
            env.put("ENLACE_" + prefix + "_DB_JDBC_URL", PostgresDatabases.jdbcUrl(database));
            env.put("ENLACE_PG_USER", PostgresDatabases.user());
            env.put("ENLACE_PG_PASSWORD", PostgresDatabases.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("ENLACE_TENANTS_DIR", tenantsDir.toAbsolutePath().toString());
            env.put("ENLACE_PUBLIC_URL", "http://127.0.0.1:" + port);
            env.putAll(extraEnvironments.getOrDefault(name, Map.of()));
            environments.put(name, env);
            ServiceProcess process = ServiceProcess.start(options.root(), name, port, env, options.workDir().resolve("logs"));
            services.put(name, process);
            running.add(process);
        }
        for (ServiceProcess process : services.values()) {
            process.awaitReady(Duration.ofSeconds(90));
        }
        return this;
    }

    /** Kills a running service at once (a crash), leaving its database and the broker as they are. */
    public void kill(String name) throws InterruptedException {
        services.get(name).kill();
    }

    /** Starts a killed service again with the same port, database and settings, and waits until it is ready. */
    public ServiceProcess restart(String name) throws IOException, InterruptedException {
        ServiceProcess old = services.get(name);
        old.kill();
        running.remove(old);
        ServiceProcess process = ServiceProcess.restart(options.root(), name, port(SERVICES.get(name)),
                environments.get(name), options.workDir().resolve("logs"));
        services.put(name, process);
        running.add(process);
        process.awaitReady(Duration.ofSeconds(90));
        return process;
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public Simulators simulators() {
        return simulators;
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    /** The service's base URL, known before it starts (webhook URLs are registered up front). */
    public String serviceUrl(String name) {
        ServiceProcess running = services.get(name);
        return running != null ? running.url() : "http://127.0.0.1:" + port(SERVICES.get(name));
    }

    private final Map<Integer, Integer> assigned = new HashMap<>();

    private synchronized int port(int documented) {
        return assigned.computeIfAbsent(documented, p -> options.fixedPorts() ? p : freePort());
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception ignored) {
                // best effort: the rest must still stop
            }
        }
    }

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("catalog-service", 8081);
        ports.put("stock-service", 8082);
        ports.put("order-service", 8083);
        ports.put("document-service", 8084);
        ports.put("customer-service", 8085);
        return java.util.Collections.unmodifiableMap(ports);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
