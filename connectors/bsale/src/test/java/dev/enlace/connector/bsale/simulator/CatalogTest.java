package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Offices, products and variants (bsale.md §2, §3). */
class CatalogTest extends SimulatorTestSupport {

    @Test
    void newAccountHasOneActiveOffice() {
        Resp r = get("/v1/offices.json");
        assertThat(r.body().get("count").asInt()).isEqualTo(1);
        JsonNode office = r.items().get(0);
        assertThat(office.get("id").asLong()).isEqualTo(1);
        assertThat(office.get("isVirtual").asInt()).isZero();
        assertThat(office.get("state").asInt()).isZero();
    }

    @Test
    void productCreateReturnsTheProductWithItsDefaultVariant() {
        Resp r = post("/v1/products.json", """
                {"name": "Polera", "productTypeId": 1, "classification": 0, "stockControl": 1, "allowDecimal": 0}""");
        assertThat(r.status()).isEqualTo(201);
        long productId = r.body().get("id").asLong();
        assertThat(r.body().get("stockControl").asInt()).isEqualTo(1);
        assertThat(r.body().get("variants").get("href").asText()).endsWith("/v1/products/" + productId + "/variants.json");

        Resp variants = get("/v1/variants.json?productid=" + productId);
        assertThat(variants.body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void variantCreateThenFindBySkuWithExpandedProduct() {
        long productId = post("/v1/products.json", "{\"name\": \"Polera\"}").body().get("id").asLong();
        Resp created = post("/v1/variants.json", """
                {"productId": %d, "description": "M", "code": "POL-001-M", "barCode": "7800001", "allowNegativeStock": 1}"""
                .formatted(productId));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("allowNegativeStock").asInt()).isEqualTo(1);
        assertThat(created.body().get("unlimitedStock").asInt()).isZero();

        Resp found = get("/v1/variants.json?code=POL-001-M&expand=[product]");
        assertThat(found.body().get("count").asInt()).isEqualTo(1);
        JsonNode v = found.items().get(0);
        assertThat(v.get("code").asText()).isEqualTo("POL-001-M");
        assertThat(v.get("product").get("name").asText()).isEqualTo("Polera");
        assertThat(v.get("product").get("id").isNumber()).isTrue();

        assertThat(get("/v1/variants.json?barcode=[7800001]").body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void variantWithUnknownProductIsRejected() {
        Resp r = post("/v1/variants.json", "{\"productId\": 4242, \"code\": \"X\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").isTextual()).isTrue();
    }

    @Test
    void skuIsNotUniqueSoAFilterMayReturnSeveralVariants() {
        seedVariant("DUP", 1, 100);
        seedVariant("DUP", 2, 100);
        assertThat(get("/v1/variants.json?code=DUP").body().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void deletedVariantIsSoftDeletedAndHiddenFromDefaultLists() {
        long v = seedVariant("DEL-1", 0, 100);
        Resp r = call("DELETE", "/v1/variants/" + v + ".json", null, company.accessToken());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("state").asInt()).isEqualTo(99);
        assertThat(get("/v1/variants.json?code=DEL-1").body().get("count").asInt()).isZero();
        assertThat(get("/v1/variants.json?code=DEL-1&state=99").body().get("count").asInt()).isEqualTo(1);
        assertThat(get("/v1/variants/" + v + ".json").status()).isEqualTo(200);
    }

    @Test
    void productAndVariantChangesSendThinNotifications() {
        sim.registerWebhook(company.cpnId(), sink.url(), Set.of("product", "variant"));
        long productId = post("/v1/products.json", "{\"name\": \"Gorro\"}").body().get("id").asLong();
        long variantId = post("/v1/variants.json", "{\"productId\": %d, \"code\": \"GOR-1\"}".formatted(productId))
                .body().get("id").asLong();
        put("/v1/variants/" + variantId + ".json", "{\"description\": \"Talla única\"}");

        await().until(() -> sink.ofCompany(company.cpnId()).size() >= 4);
        List<JsonNode> got = sink.ofCompany(company.cpnId());
        assertThat(got.get(0).get("topic").asText()).isEqualTo("product");
        assertThat(got.get(0).get("action").asText()).isEqualTo("post");
        assertThat(got.get(0).get("resource").asText()).isEqualTo("/v2/products/" + productId + ".json");
        assertThat(got.get(0).get("resourceId").asText()).isEqualTo(String.valueOf(productId));
        JsonNode last = got.get(got.size() - 1);
        assertThat(last.get("topic").asText()).isEqualTo("variant");
        assertThat(last.get("action").asText()).isEqualTo("put");
        assertThat(last.get("resourceId").asText()).isEqualTo(String.valueOf(variantId));
        assertThat(last.get("send").isNumber()).isTrue();
        assertThat(last.has("data")).isFalse();
    }

    @Test
    void variantCostsReportAverageCostAsString() {
        long v = seedVariant("COST-1", 0, 100);
        post("/v1/stocks/receptions.json", """
                {"officeId": 1, "document": "Guía", "details": [{"variantId": %d, "quantity": 2, "cost": 3000}]}""".formatted(v));
        post("/v1/stocks/receptions.json", """
                {"officeId": 1, "document": "Guía", "details": [{"variantId": %d, "quantity": 2, "cost": 5000}]}""".formatted(v));
        JsonNode costs = get("/v1/variants/" + v + "/costs.json").body();
        assertThat(costs.get("averageCost").asText()).isEqualTo("4000.0");
    }
}
