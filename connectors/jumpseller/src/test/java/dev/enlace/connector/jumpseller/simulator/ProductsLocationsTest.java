package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.ProductSeed;
import dev.enlace.connector.jumpseller.simulator.JumpsellerAdmin.VariantSeed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductsLocationsTest extends SimulatorTest {

    @Test
    void stockIsReadAndSetPerLocationAndTheVariantTotalFollows() {
        sim.seedProducts(store.code(), List.of(new ProductSeed("Polera", "POL", 9990, null, false, null,
                List.of(new VariantSeed("POL-M", null, 10, false, "Talla", "M")))));
        long main = sim.mainLocationId(store.code());
        long second = sim.addLocation(store.code(), "Tienda Providencia");
        var level = sim.stock(store.code(), "POL-M");

        Api.Response put = api.put("/products_locations", "{\"location_id\": " + second + ", \"product_id\": "
                + level.productId() + ", \"variant_id\": " + level.variantId() + ", \"stock_unlimited\": false,"
                + " \"stock\": 4}");
        assertThat(put.status()).isEqualTo(200);

        JsonNode rows = api.get("/products_locations?location_ids=" + main + "," + second + "&product_ids="
                + level.productId()).json();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("location_id").asLong()).isEqualTo(main);
        assertThat(rows.get(0).get("stock").asInt()).isEqualTo(10);
        assertThat(rows.get(1).get("stock").asInt()).isEqualTo(4);
        assertThat(rows.get(1).get("variant_id").asLong()).isEqualTo(level.variantId());
        assertThat(sim.stock(store.code(), "POL-M").stock()).isEqualTo(14);
        assertThat(api.get("/locations.json").json()).hasSize(2);
    }

    @Test
    void badProductsLocationsParametersAre400() {
        sim.seedProducts(store.code(), List.of(new ProductSeed("Gorro", "GOR", 5000, 3, false, null, List.of())));
        long productId = sim.stock(store.code(), "GOR").productId();

        assertThat(api.get("/products_locations?product_ids=" + productId).status()).isEqualTo(400);
        assertThat(api.put("/products_locations", "{\"location_id\": " + sim.mainLocationId(store.code())
                + ", \"product_id\": " + productId + ", \"stock\": 2.5, \"stock_unlimited\": false}").status())
                .isEqualTo(400);
        assertThat(api.put("/products_locations", "{\"product\": {\"stock\": 2}}").status()).isEqualTo(400);
        assertThat(sim.stock(store.code(), "GOR").stock()).isEqualTo(3);
    }
}
