package dev.enlace.connector.relbase.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The /_sim control API mirrors the simulator's Java methods. */
class AdminApiTest extends SimulatorTestSupport {

    @Test
    void companiesSeedsStockAndDocumentsThroughTheAdminApi() {
        JsonNode created = call("POST", "/_sim/companies", "{\"name\":\"Tienda Admin\"}", null, null).body();
        long id = created.get("companyId").asLong();
        String companyToken = created.get("companyToken").asText();
        String userToken = created.get("userToken").asText();
        JsonNode seeded = call("POST", "/_sim/companies/" + id + "/seed",
                "{\"warehouses\":[{\"name\":\"Sala\"}],\"products\":[{\"code\":\"X-1\",\"price\":1000,\"stock\":{\"#0\":4}}]}",
                null, null).body();
        long product = seeded.get("productIds").get(0).asLong();
        long warehouse = seeded.get("warehouseIds").get(0).asLong();
        Resp stock = call("PUT", "/_sim/companies/" + id + "/stock",
                "{\"code\":\"X-1\",\"warehouseId\":" + warehouse + ",\"quantity\":9}", null, null);
        assertThat(stock.body().get("stock").asInt()).isEqualTo(9);
        Resp issued = call("POST", "/api/v1/dtes", "{\"type_document\":39,\"ware_house_id\":" + warehouse
                + ",\"products\":[{\"product_id\":" + product + ",\"quantity\":1}]}", companyToken, userToken);
        assertThat(issued.status()).isEqualTo(201);
        JsonNode dtes = call("GET", "/_sim/companies/" + id + "/dtes", null, null, null).body();
        assertThat(dtes).hasSize(1);
        assertThat(dtes.get(0).get("folio").asLong()).isEqualTo(1);
        assertThat(sim.stock(id, product, warehouse)).isEqualByComparingTo("8");
        String pdf = dtes.get(0).get("pdf_file").get("url").asText();
        assertThat(call("GET", pdf.substring(pdf.indexOf("/_sim")), null, null, null).status()).isEqualTo(200);
    }

    @Test
    void faultsAndRateLimitCanBeSetThroughTheAdminApi() {
        assertThat(call("PUT", "/_sim/companies/" + company.companyId() + "/faults", "{\"fraction\":1,\"status\":403}",
                null, null).status()).isEqualTo(200);
        Resp r = get("/bodegas");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.meta().get("message").asText()).isEqualTo("rate limit exceeded");
        assertThat(call("PUT", "/_sim/companies/" + company.companyId() + "/faults", "{\"fraction\":1,\"status\":418}",
                null, null).status()).isEqualTo(400);
    }
}
