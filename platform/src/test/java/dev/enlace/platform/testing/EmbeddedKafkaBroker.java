package dev.enlace.platform.testing;

import dev.enlace.events.EventType;
import dev.enlace.events.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) started from Maven
 * Central's artifacts inside this JVM: these machines have no Docker engine. Used by the
 * tests (one per JVM, see {@link EnlaceTestResources}) and by the local stack launcher.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private final KafkaRaftServer server;
    private final Path logDir;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDir, String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free port with its data in a fresh temporary directory. */
    public static EmbeddedKafkaBroker start() {
        try {
            return start(Files.createTempDirectory("enlace-kafka-"), freePort(), 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker whose data lives in {@code logDir} (formatted on first use, reused after),
     * listening on {@code port}; auto-created topics get {@code partitions} partitions.
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int partitions) {
        quietBrokerLogging();
        int controllerPort = freePort();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(partitions));
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner reserves 128 MiB of heap by default; compacted topics here are tiny.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        KafkaConfig config = new KafkaConfig(props, false);
        try {
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setNodeId(1)
                        .setClusterId("enlace-local-kafka-1")
                        .addDirectory(logDir.toString())
                        .setMetadataLogDirectory(logDir.toString())
                        .setControllerListenerName("CONTROLLER")
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setIgnoreFormatted(true)
                        .run();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        createContractTopics("127.0.0.1:" + port, partitions);
        return new EmbeddedKafkaBroker(server, logDir, "127.0.0.1:" + port);
    }

    /**
     * Creates every contract topic and its dead-letter topic before anyone produces: an idempotent
     * producer's first records to a topic being auto-created can be rejected forever with
     * OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591, not fixed in 4.1), losing them.
     */
    private static void createContractTopics(String bootstrapServers, int partitions) {
        Set<String> names = new TreeSet<>();
        for (EventType type : EventType.values()) {
            names.add(type.topic());
            names.add(type.topic() + Topics.DEAD_LETTER_SUFFIX);
        }
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the contract topics on " + bootstrapServers, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Stops the broker and deletes its data. */
    public void closeAndDelete() {
        close();
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The broker logs about a thousand INFO lines per start; tests only need its warnings.
    private static void quietBrokerLogging() {
        for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper"}) {
            Logger.getLogger(name).setLevel(Level.WARNING);
        }
    }
}
