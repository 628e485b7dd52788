package dev.enlace.connector.relbase.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** relbase.md §2/§3: products with {@code code} as SKU, inventories per warehouse, stock_por_bodegas. */
class CatalogTest extends SimulatorTestSupport {

    private RelbaseSeed.Result seedTwoWarehouses() {
        return sim.seed(company.companyId(), new RelbaseSeed(
                List.of(new RelbaseSeed.Warehouse("Bodega Norte", null)),
                List.of(new RelbaseSeed.Product("BAR-045", "Barra Proteína 45g", "7800000000012", BigDecimal.valueOf(1990), null,
                                Map.of(String.valueOf(sim.defaultWarehouse(company.companyId())), BigDecimal.valueOf(120),
                                        "#0", new BigDecimal("7.5"))),
                        new RelbaseSeed.Product("AGUA-1L", "Agua mineral 1L", null, BigDecimal.valueOf(790), null, Map.of()))));
    }

    @Test
    void queryFindsProductsByCodeNameOrBarcode() {
        seedTwoWarehouses();
        assertThat(get("/productos?query=BAR-045").data().get("products")).hasSize(1);
        assertThat(get("/productos?query=agua").data().get("products").get(0).get("code").asText()).isEqualTo("AGUA-1L");
        assertThat(get("/productos?query=7800000000012").data().get("products")).hasSize(1);
        assertThat(get("/productos?query=nothing").data().get("products")).isEmpty();
    }

    @Test
    void productsCarryTheirInventoryInEveryWarehouse() {
        RelbaseSeed.Result seeded = seedTwoWarehouses();
        JsonNode p = get("/productos/" + seeded.productIds().get(0)).data();
        assertThat(p.get("code").asText()).isEqualTo("BAR-045");
        assertThat(p.get("price").asInt()).isEqualTo(1990);
        assertThat(p.get("inventories")).hasSize(2);
        assertThat(p.get("inventories").get(1).get("ware_house_id").asLong()).isEqualTo(seeded.warehouseIds().get(0));
        assertThat(p.get("inventories").get(1).get("stock").decimalValue()).isEqualByComparingTo("7.5");
    }

    @Test
    void stockPorBodegasListsCurrentStockPerWarehouse() {
        RelbaseSeed.Result seeded = seedTwoWarehouses();
        long product = seeded.productIds().get(0);
        sim.setStock(company.companyId(), product, seeded.warehouseIds().get(0), BigDecimal.valueOf(-2));
        JsonNode stocks = get("/productos/" + product + "/stock_por_bodegas").data().get("stocks");
        assertThat(stocks).hasSize(2);
        assertThat(stocks.get(0).get("current_stock").asInt()).isEqualTo(120);
        // relBase lets stock go negative (seed text: negative stock shows as zero in the store)
        assertThat(stocks.get(1).get("current_stock").asInt()).isEqualTo(-2);
        assertThat(get("/bodegas").data().get("warehouses")).hasSize(2);
    }

    @Test
    void customersAreCreatedOnlyWithAValidRut() {
        Resp bad = post("/clientes", "{\"rut\":\"76123456-1\",\"name\":\"Mala SpA\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.meta().get("message").asText()).contains("rut");
        Resp good = post("/clientes", "{\"rut\":\"76.123.456-0\",\"name\":\"Buena SpA\",\"business_activity\":\"Comercio\","
                + "\"address\":\"Av. Matta 100\",\"email\":\"a@b.cl\"}");
        assertThat(good.status()).isEqualTo(201);
        assertThat(good.data().get("rut").asText()).isEqualTo("76123456-0");
        assertThat(get("/clientes?query=76123456-0").data().get("customers")).hasSize(1);
        assertThat(get("/clientes/" + good.data().get("id").asLong()).data().get("name").asText()).isEqualTo("Buena SpA");
    }
}
