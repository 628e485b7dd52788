package dev.enlace.platform.persistence;

import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.PostgresDatabases;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The queue tables do not keep the dead rows their turnover leaves behind, whether autovacuum runs or not. */
@QuarkusTest
@WithTestResource(value = EnlaceTestResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_platform_test"))
class QueueTableVacuumTest {

    @Test
    void deadRowsOfTheInboxAreVacuumedByTheServiceItself() throws Exception {
        long vacuumsBefore = stat("vacuum_count");
        String batch = UUID.randomUUID().toString();
        try (Connection c = connect(); var s = c.createStatement()) {
            // 1,500 processed webhooks deleted: 1,500 dead row versions, over the default threshold of 1,000
            s.executeUpdate("INSERT INTO webhook_inbox (system, tenant, delivery_key, topic, partition_key, payload, status)"
                    + " SELECT 'testerp', 'acme', '" + batch + "-' || n, 'stock', 'sku:VAC-' || n, '{}', 'DONE'"
                    + " FROM generate_series(1, 1500) n");
            s.executeUpdate("DELETE FROM webhook_inbox WHERE delivery_key LIKE '" + batch + "-%'");
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stat("vacuum_count")).isGreaterThan(vacuumsBefore);
            assertThat(stat("n_dead_tup")).isLessThan(1000);
        });
    }

    private static long stat(String column) throws SQLException {
        try (Connection c = connect(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT " + column + " FROM pg_stat_user_tables WHERE relname = 'webhook_inbox'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(PostgresDatabases.jdbcUrl(EnlaceTestResources.databaseName("enlace_platform_test")),
                PostgresDatabases.user(), PostgresDatabases.password());
    }
}
