package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Credit notes through /returns (bsale.md §8) and guías through /shippings (§9). */
class ReturnsAndShippingsTest extends SimulatorTestSupport {

    private JsonNode sell(String code, double qty, boolean dispatch) {
        Resp r = post("/v1/documents.json", """
                {"codeSii": 39, "officeId": 1, "dispatch": %d,
                 "details": [{"code": "%s", "netUnitValue": 1000, "quantity": %s}]}""".formatted(dispatch ? 1 : 0, code, qty));
        assertThat(r.status()).isEqualTo(201);
        return r.body();
    }

    private long firstDetailId(JsonNode doc) {
        return get("/v1/documents/" + doc.get("id").asLong() + "/details.json").items().get(0).get("id").asLong();
    }

    private String returnBody(JsonNode doc, long detailId, double qty) {
        return """
                {"documentTypeId": %s, "officeId": 1, "referenceDocumentId": %d, "emissionDate": 1735776000,
                 "expirationDate": 1735776000, "motive": "Devolución pedido 1026", "declareSii": 1,
                 "priceAdjustment": 0, "editTexts": 0, "type": 0,
                 "details": [{"documentDetailId": %d, "quantity": %s, "unitValue": 0}]}"""
                .formatted(creditNoteTypeId(), doc.get("id").asLong(), detailId, qty);
    }

    private String creditNoteTypeId() {
        return get("/v1/document_types.json?codesii=61").items().get(0).get("id").asText();
    }

    @Test
    void returnIssuesACreditNoteAndPutsStockBack() {
        long v = seedVariant("RET-1", 5, 1000);
        JsonNode sale = sell("RET-1", 2, true);
        Resp r = post("/v1/returns.json", returnBody(sale, firstDetailId(sale), 1));
        assertThat(r.status()).isEqualTo(201);
        JsonNode ret = r.body();
        assertThat(ret.get("reference_document").get("id").asText()).isEqualTo(sale.get("id").asText());
        assertThat(ret.get("amount").asDouble()).isEqualTo(1190.0);
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(4.0);

        JsonNode nc = get("/v1/documents/" + ret.get("credit_note").get("id").asText() + ".json?expand=[document_type,references]")
                .body();
        assertThat(nc.get("document_type").get("codeSii").asText()).isEqualTo("61");
        assertThat(nc.get("totalAmount").asDouble()).isEqualTo(1190.0);
        assertThat(nc.get("references").get("items").get(0).get("number").asText()).isEqualTo(sale.get("number").asText());

        JsonNode detail = get("/v1/returns/" + ret.get("id").asLong() + "/details.json").items().get(0);
        assertThat(detail.get("quantityDevStock").asDouble()).isEqualTo(1.0);
        assertThat(detail.get("variantStock").asDouble()).isEqualTo(4.0);
        assertThat(detail.has("variant")).isFalse();
        assertThat(get("/v1/returns.json?referencedocumentid=" + sale.get("id").asLong()).body().get("count").asInt())
                .isEqualTo(1);
        assertThat(get("/v1/returns/count.json").body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void returnOfMoreThanSoldIsRejected() {
        seedVariant("RET-2", 5, 1000);
        JsonNode sale = sell("RET-2", 1, true);
        long detailId = firstDetailId(sale);
        assertThat(post("/v1/returns.json", returnBody(sale, detailId, 1)).status()).isEqualTo(201);
        Resp r = post("/v1/returns.json", returnBody(sale, detailId, 1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText())
                .isEqualTo("The quantity returned (1.0) is higher than the available (0.0) for detail: " + detailId);
    }

    @Test
    void returnOfALineFromAnotherDocumentIsRejected() {
        seedVariant("RET-3", 5, 1000);
        JsonNode sale = sell("RET-3", 1, true);
        JsonNode other = sell("RET-3", 1, true);
        Resp r = post("/v1/returns.json", returnBody(sale, firstDetailId(other), 1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).contains("is higher than the available (0.0)");
    }

    @Test
    void returnWithoutReferenceDocumentIsRejected() {
        Resp r = post("/v1/returns.json", """
                {"documentTypeId": %s, "officeId": 1, "details": [{"documentDetailId": 1, "quantity": 1, "unitValue": 0}]}"""
                .formatted(creditNoteTypeId()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("the json does not have reference document");
    }

    @Test
    void returnOfAnUndispatchedSaleReleasesTheReservation() {
        long v = seedVariant("RET-4", 5, 1000);
        JsonNode sale = sell("RET-4", 2, false);
        assertThat(sim.stock(company.cpnId(), v, 1).quantityReserved()).isEqualTo(2.0);
        post("/v1/returns.json", returnBody(sale, firstDetailId(sale), 2));
        assertThat(sim.stock(company.cpnId(), v, 1)).isEqualTo(new BsaleSimulator.StockLevel(5, 0, 5));
    }

    @Test
    void guiaTakesStockOut() {
        long v = seedVariant("SHP-1", 5, 1000);
        Resp r = post("/v1/shippings.json", """
                {"codeSii": 52, "officeId": 1, "emissionDate": 1735689600, "shippingTypeId": 1,
                 "municipality": "Providencia", "city": "Santiago", "address": "Av. Italia 1234",
                 "recipient": "Ana Pérez", "declareSii": 1,
                 "details": [{"code": "SHP-1", "quantity": 2, "netUnitValue": 1000}]}""");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("recipient").asText()).isEqualTo("Ana Pérez");
        assertThat(r.body().get("shippingDate").asLong()).isEqualTo(1735689600);
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(3.0);
        JsonNode guide = get("/v1/documents/" + r.body().get("guide").get("id").asText() + ".json?expand=[document_type]").body();
        assertThat(guide.get("document_type").get("codeSii").asText()).isEqualTo("52");
        assertThat(get("/v1/shippings.json?documentid=" + r.body().get("guide").get("id").asText()).body().get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void guiaWithoutStockIsRejected() {
        seedVariant("SHP-2", 1, 1000);
        Resp r = post("/v1/shippings.json", """
                {"codeSii": 52, "officeId": 1, "shippingTypeId": 1, "details": [{"code": "SHP-2", "quantity": 2}]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("There is no stock for this products: \"SHP-2\"");
    }

    @Test
    void guiaForASaleDetailDeliversTheReservedUnits() {
        long v = seedVariant("SHP-3", 2, 1000);
        JsonNode sale = sell("SHP-3", 2, false);
        Resp r = post("/v1/shippings.json", """
                {"codeSii": 52, "officeId": 1, "shippingTypeId": 1, "details": [{"detailId": %d, "quantity": 2}]}"""
                .formatted(firstDetailId(sale)));
        assertThat(r.status()).isEqualTo(201);
        assertThat(sim.stock(company.cpnId(), v, 1)).isEqualTo(new BsaleSimulator.StockLevel(0, 0, 0));
    }

    @Test
    void internalTransferMovesStockBetweenOffices() {
        sim.seed(company.cpnId(), new BsaleSeed(List.of(new BsaleSeed.Office("Bodega Norte", null, null, null, null)), null));
        long v = seedVariant("TRF-1", 5, 1000);
        Resp r = post("/v1/shippings.json", """
                {"codeSii": 52, "officeId": 1, "shippingTypeId": 5, "destinationOfficeId": 2,
                 "details": [{"variantId": %d, "quantity": 3}]}""".formatted(v));
        assertThat(r.status()).isEqualTo(201);
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(2.0);
        assertThat(sim.stock(company.cpnId(), v, 2).quantity()).isEqualTo(3.0);
        assertThat(sim.shippings(company.cpnId())).hasSize(1);
    }

    @Test
    void shippingTypesAreListed() {
        Resp r = get("/v1/shipping_types.json");
        assertThat(r.body().get("count").asInt()).isEqualTo(9);
        assertThat(r.items().get(4).get("name").asText()).isEqualTo("Traslados internos");
    }

    @Test
    void voidingAGuiaPutsTheStockBack() {
        long v = seedVariant("SHP-4", 2, 1000);
        JsonNode sale = sell("SHP-4", 2, false);
        long id = post("/v1/shippings.json", """
                {"codeSii": 52, "officeId": 1, "details": [{"detailId": %d, "quantity": 2}]}""".formatted(firstDetailId(sale)))
                .body().get("id").asLong();
        Resp r = call("DELETE", "/v1/shippings/" + id + ".json", null, company.accessToken());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("state").asInt()).isEqualTo(1);
        assertThat(sim.stock(company.cpnId(), v, 1)).isEqualTo(new BsaleSimulator.StockLevel(2, 2, 0));
        assertThat(call("DELETE", "/v1/shippings/" + id + ".json", null, company.accessToken()).status()).isEqualTo(400);
    }
}
