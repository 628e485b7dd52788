package dev.enlace.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The real infrastructure of a {@code @QuarkusTest}: ONE Kafka broker per test JVM (started on
 * first use, stopped when the JVM exits) and the service's own database on the real
 * PostgreSQL, created if missing and emptied once per JVM. Dev Services stay off: nothing here needs Docker.
 *
 * <p>Init arg {@code database} names the service's database (default {@code enlace_test}); the environment
 * variable {@code ENLACE_TEST_DB_SUFFIX} (letters, digits, _) is appended to it, so two checkouts testing the
 * same module on one machine do not empty each other's database.
 */
public class EnlaceTestResources implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedKafkaBroker broker;
    private static final java.util.Set<String> FRESH = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private String database = "enlace_test";

    /** The broker shared by every test of this JVM. */
    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.start();
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::closeAndDelete, "kafka-broker-stop"));
        }
        return broker;
    }

    /** The database a test named {@code base} really uses: with this checkout's {@code ENLACE_TEST_DB_SUFFIX}. */
    public static String databaseName(String base) {
        return base + System.getenv().getOrDefault("ENLACE_TEST_DB_SUFFIX", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = databaseName(initArgs.getOrDefault("database", database));
    }

    @Override
    public Map<String, String> start() {
        // empty once per JVM: rows left by an earlier run (levels, inbox keys) would hide real work
        if (FRESH.add(database)) {
            PostgresDatabases.recreateDatabase(database);
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker().bootstrapServers());
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        config.put("quarkus.datasource.username", PostgresDatabases.user());
        config.put("quarkus.datasource.password", PostgresDatabases.password());
        config.put("quarkus.datasource.reactive.url", PostgresDatabases.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", PostgresDatabases.jdbcUrl(database));
        return config;
    }

    @Override
    public void stop() {
        // The broker outlives a single test class on purpose; the JVM's shutdown hook stops it.
    }
}
