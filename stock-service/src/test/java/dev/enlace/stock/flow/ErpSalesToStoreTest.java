package dev.enlace.stock.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.ProductLinked;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.RelbaseTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ST3 with relBase (polled every 10 s): a sale made in relBase itself lowers the store's stock only when the
 * tenant's {@code stock.erpSalesToStore} is on ({@code salesync}); with it off ({@code polled}) the store keeps
 * its figure, while an inventory adjustment in relBase still reaches it.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_stock_test"))
class ErpSalesToStoreTest {
    private static final Duration POLLS = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Simulators sims = SimulatedTenantResources.simulators();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    Pool pool;

    @BeforeAll
    static void link() {
        try (ContractEvents contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers())) {
            for (RelbaseTenant.Created tenant : List.of(SimulatedTenantResources.polled(), SimulatedTenantResources.salesync())) {
                for (String sku : tenant.skus()) {
                    String product = String.valueOf(tenant.products().get(sku));
                    var store = SimulatedTenantResources.simulators().jumpseller().stock(tenant.storeCode(), sku);
                    contract.publish(tenant.id(), sku, new ProductLinked(tenant.id(), sku,
                            new ExternalRef("relbase", product, product),
                            new ExternalRef("jumpseller", String.valueOf(store.productId()), null), LinkMethod.SKU,
                            OffsetDateTime.now()));
                }
            }
        }
    }

    @Test
    void relbaseSaleLowersTheStoreWhenTheSwitchIsOn() throws Exception { // ST3
        RelbaseTenant.Created tenant = SimulatedTenantResources.salesync();
        String sku = tenant.skus().get(0);
        await().atMost(POLLS).until(() -> store(tenant, sku) == erp(tenant, sku));
        int before = store(tenant, sku);

        sellInRelbase(tenant, sku, 3);

        assertThat(erp(tenant, sku)).isEqualTo(before - 3);
        await().atMost(POLLS).until(() -> store(tenant, sku) == before - 3);
    }

    @Test
    void relbaseSaleStaysOutOfTheStoreWhenTheSwitchIsOff() throws Exception { // ST3
        RelbaseTenant.Created tenant = SimulatedTenantResources.polled();
        String sku = tenant.skus().get(3);
        await().atMost(POLLS).until(() -> store(tenant, sku) == erp(tenant, sku));
        int before = store(tenant, sku);

        long document = sellInRelbase(tenant, sku, 3);

        // a poll counted the sale and read relBase's lower stock, and the store kept its figure
        await().atMost(POLLS).until(() -> counted(tenant, document)
                && erpQuantityRecorded(tenant, sku) == before - 3);
        assertThat(store(tenant, sku)).isEqualTo(before);

        // an inventory adjustment in relBase (+5) still reaches the store, on top of the figure it kept
        sims.relbase().setStock(tenant.companyId(), tenant.products().get(sku), tenant.warehouse(),
                BigDecimal.valueOf(before - 3 + 5));
        await().atMost(POLLS).until(() -> store(tenant, sku) == before + 5);
    }

    /** A boleta issued at relBase's own counter (not labelled as a store order); returns its id. */
    private long sellInRelbase(RelbaseTenant.Created tenant, String sku, int quantity) throws Exception {
        var access = sims.relbase().companies().stream().filter(c -> c.companyId() == tenant.companyId()).findFirst()
                .orElseThrow();
        String today = LocalDate.now(ZoneId.of("America/Santiago")).toString();
        String body = JSON.writeValueAsString(Map.of("type_document", 39, "type_document_sii", 39,
                "start_date", today, "end_date", today, "ware_house_id", tenant.warehouse(), "mnt_bruto", true,
                "label_value", "Venta mesón", "products", List.of(Map.of("product_id", tenant.products().get(sku),
                        "quantity", quantity, "price", 11990, "tax_affected", true))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sims.relbaseUrl() + "/api/v1/dtes"))
                        .header("company", access.companyToken()).header("authorization", access.userToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("data").path("id").asLong();
    }

    private int store(RelbaseTenant.Created tenant, String sku) {
        return sims.jumpseller().stock(tenant.storeCode(), sku).stock();
    }

    private int erp(RelbaseTenant.Created tenant, String sku) {
        return sims.relbase().stock(tenant.companyId(), tenant.products().get(sku), tenant.warehouse()).intValue();
    }

    private boolean counted(RelbaseTenant.Created tenant, long document) {
        return pool.preparedQuery("SELECT 1 FROM erp_sale_counted WHERE tenant = $1 AND document_id = $2")
                .execute(Tuple.of(tenant.id(), String.valueOf(document))).await().indefinitely().size() > 0;
    }

    private int erpQuantityRecorded(RelbaseTenant.Created tenant, String sku) {
        var rows = pool.preparedQuery("SELECT erp_quantity FROM stock_level WHERE tenant = $1 AND erp_variant_id = $2")
                .execute(Tuple.of(tenant.id(), String.valueOf(tenant.products().get(sku)))).await().indefinitely();
        return rows.size() == 0 ? Integer.MIN_VALUE : rows.iterator().next().getBigDecimal("erp_quantity").intValue();
    }
}
