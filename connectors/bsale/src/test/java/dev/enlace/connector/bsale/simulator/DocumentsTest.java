package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sales documents: boleta 39 and factura 33 through POST /v1/documents.json (bsale.md §7). */
class DocumentsTest extends SimulatorTestSupport {

    static final String CLIENT = """
            {"code": "76123456-0", "company": "Comercial Ejemplo SpA", "activity": "Venta al por menor",
             "address": "Av. Italia 1234", "municipality": "Providencia", "city": "Santiago",
             "email": "compras@ejemplo.cl", "companyOrPerson": 1}""";

    static String factura(String extra) {
        return """
                {"codeSii": 33, "officeId": 1, "emissionDate": 1735689600, "expirationDate": 1735689600,
                 "declareSii": 1, "dispatch": 1, %s
                 "client": %s,
                 "details": [
                   {"code": "POL-001-M", "netUnitValue": 10075.6303, "quantity": 2, "taxId": "[1]", "discount": 0},
                   {"comment": "Despacho", "netUnitValue": 3352.9412, "quantity": 1, "taxId": "[1]"}],
                 "payments": [{"paymentTypeId": 1, "amount": 27970, "recordDate": 1735689600}],
                 "references": [{"number": "1026", "referenceDate": 1735689600, "reason": "Pedido web 1026", "codeSii": 801}]}"""
                .formatted(extra, CLIENT);
    }

    static String boleta(String code, double qty, String extra) {
        return """
                {"codeSii": 39, "officeId": 1, %s "details": [{"code": "%s", "netUnitValue": 8403.3613, "quantity": %s}]}"""
                .formatted(extra, code, qty);
    }

    @Test
    void facturaTotalsAddNineteenPercentIvaAndRoundToPesos() {
        seedVariant("POL-001-M", 10, 10075.6303);
        Resp r = post("/v1/documents.json", factura(""));
        assertThat(r.status()).isEqualTo(201);
        JsonNode d = r.body();
        assertThat(d.get("netAmount").asDouble()).isEqualTo(23504.0);
        assertThat(d.get("taxAmount").asDouble()).isEqualTo(4466.0);
        assertThat(d.get("totalAmount").asDouble()).isEqualTo(27970.0);
        assertThat(d.get("number").asLong()).isPositive();
        assertThat(d.get("token").asText()).isNotBlank();
        assertThat(d.get("urlPdf").asText()).contains(d.get("token").asText()).endsWith(".pdf");
        assertThat(d.get("urlPublicView").asText()).isNotBlank();
        assertThat(d.get("informedSii").asInt()).isEqualTo(1);
        assertThat(d.get("state").asInt()).isZero();
        assertThat(d.get("document_type").get("id").isTextual()).isTrue();
        assertThat(d.get("client").get("id").isTextual()).isTrue();
        assertThat(d.get("office").get("id").asText()).isEqualTo("1");
    }

    @Test
    void documentDetailsListLinesWithTheirIds() {
        seedVariant("POL-001-M", 10, 10075.6303);
        long id = post("/v1/documents.json", factura("")).body().get("id").asLong();
        Resp details = get("/v1/documents/" + id + "/details.json");
        assertThat(details.body().get("count").asInt()).isEqualTo(2);
        JsonNode line = details.items().get(0);
        assertThat(line.get("id").isNumber()).isTrue();
        assertThat(line.get("lineNumber").asInt()).isEqualTo(1);
        assertThat(line.get("quantity").asDouble()).isEqualTo(2.0);
        assertThat(line.get("netUnitValue").asDouble()).isEqualTo(10075.6303);
        assertThat(line.get("variant").get("code").asText()).isEqualTo("POL-001-M");

        JsonNode expanded = get("/v1/documents/" + id + ".json?expand=[details,client]").body();
        assertThat(expanded.get("details").get("items")).hasSize(2);
        assertThat(expanded.get("client").get("code").asText()).isEqualTo("76123456-0");
    }

    @Test
    void facturaWithoutClientDataIsRejected() {
        seedVariant("POL-001-M", 10, 100);
        Resp r = post("/v1/documents.json", """
                {"codeSii": 33, "officeId": 1, "client": {"code": "76123456-0", "company": "X SpA"},
                 "details": [{"code": "POL-001-M", "netUnitValue": 100, "quantity": 1}]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText())
                .isEqualTo("client attribute required : code,activity,address,city,municipality");
        Resp none = post("/v1/documents.json", """
                {"codeSii": 33, "officeId": 1, "details": [{"code": "POL-001-M", "netUnitValue": 100, "quantity": 1}]}""");
        assertThat(none.body().get("error").asText())
                .isEqualTo("client attribute required : code,activity,address,city,municipality");
    }

    @Test
    void boletaNeedsNoClient() {
        seedVariant("BOL-1", 5, 100);
        Resp r = post("/v1/documents.json", boleta("BOL-1", 1, ""));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().has("client")).isFalse();
        assertThat(r.body().get("totalAmount").asDouble()).isEqualTo(10000.0);
    }

    @Test
    void folioNumbersIncreasePerDocumentType() {
        seedVariant("POL-001-M", 100, 100);
        seedVariant("BOL-1", 100, 100);
        long b1 = post("/v1/documents.json", boleta("BOL-1", 1, "")).body().get("number").asLong();
        long f1 = post("/v1/documents.json", factura("")).body().get("number").asLong();
        long b2 = post("/v1/documents.json", boleta("BOL-1", 1, "")).body().get("number").asLong();
        long f2 = post("/v1/documents.json", factura("")).body().get("number").asLong();
        assertThat(b2).isEqualTo(b1 + 1);
        assertThat(f2).isEqualTo(f1 + 1);
        assertThat(f1).isEqualTo(1);
        assertThat(b1).isEqualTo(1);
    }

    @Test
    void unknownSkuIsInvalidVariant() {
        Resp r = post("/v1/documents.json", boleta("NOPE", 1, ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("invalid variant");
    }

    @Test
    void inactiveOrWrongDocumentTypeIsInvalidDocumentType() {
        seedVariant("BOL-1", 5, 100);
        assertThat(post("/v1/documents.json", boleta("BOL-1", 1, "").replace("\"codeSii\": 39", "\"codeSii\": 30"))
                .body().get("error").asText()).isEqualTo("invalid documentType");
        // A credit note is issued through /returns, never /documents.
        assertThat(post("/v1/documents.json", boleta("BOL-1", 1, "").replace("\"codeSii\": 39", "\"codeSii\": 61"))
                .body().get("error").asText()).isEqualTo("invalid documentType");
    }

    @Test
    void negativeOrZeroNetUnitValueIsRejected() {
        seedVariant("BOL-1", 5, 100);
        String expected = "Invalid net unit value, zero or negative values are not allowed for this type of document";
        Resp negative = post("/v1/documents.json", boleta("BOL-1", 1, "").replace("8403.3613", "-1"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().get("error").asText()).isEqualTo(expected);
        assertThat(post("/v1/documents.json", boleta("BOL-1", 1, "").replace("8403.3613", "0"))
                .body().get("error").asText()).isEqualTo(expected);
    }

    @Test
    void percentageDiscountLowersTheNet() {
        seedVariant("DSC-1", 5, 100);
        Resp r = post("/v1/documents.json", """
                {"codeSii": 39, "details": [{"code": "DSC-1", "netUnitValue": 1000, "quantity": 2, "discount": 10}]}""");
        assertThat(r.body().get("netAmount").asDouble()).isEqualTo(1800.0);
        assertThat(r.body().get("taxAmount").asDouble()).isEqualTo(342.0);
        assertThat(r.body().get("totalAmount").asDouble()).isEqualTo(2142.0);
    }

    @Test
    void invalidRutInClientIsRejected() {
        seedVariant("POL-001-M", 10, 100);
        Resp r = post("/v1/documents.json", factura("").replace("76123456-0", "76123456-7"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).contains("76123456-7");
    }

    @Test
    void duplicatedClientCodeMakesTheDocumentFail() {
        seedVariant("POL-001-M", 10, 100);
        post("/v1/clients.json", CLIENT);
        long second = post("/v1/clients.json", CLIENT).body().get("id").asLong();
        Resp r = post("/v1/documents.json", factura(""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText())
                .startsWith("There are more than a client with the code \"76123456-0\", client id: ");
        assertThat(second).isPositive();
    }

    @Test
    void inlineClientIsCreatedOnceAndReused() {
        seedVariant("POL-001-M", 10, 100);
        String c1 = post("/v1/documents.json", factura("")).body().get("client").get("id").asText();
        String c2 = post("/v1/documents.json", factura("")).body().get("client").get("id").asText();
        assertThat(c1).isEqualTo(c2);
        assertThat(get("/v1/clients.json?code=76123456-0").body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void rejectedDocumentLeavesNoNewClientBehind() {
        seedVariant("POL-001-M", 0, 100);
        assertThat(post("/v1/documents.json", factura("")).status()).isEqualTo(400);
        assertThat(get("/v1/clients/count.json").body().get("count").asInt()).isZero();
    }

    @Test
    void dispatchedSaleTakesStockOutAndNotifies() {
        long v = seedVariant("POL-001-M", 10, 100);
        sim.registerWebhook(company.cpnId(), sink.url(), Set.of());
        Resp r = post("/v1/documents.json", factura(""));
        assertThat(sim.stock(company.cpnId(), v, 1)).isEqualTo(new BsaleSimulator.StockLevel(8, 0, 8));
        await().until(() -> sink.ofCompany(company.cpnId()).size() == 2);
        JsonNode doc = sink.ofCompany(company.cpnId()).get(0);
        assertThat(doc.get("topic").asText()).isEqualTo("document");
        assertThat(doc.get("action").asText()).isEqualTo("post");
        assertThat(doc.get("resource").asText()).isEqualTo("/documents/" + r.body().get("id").asLong() + ".json");
        assertThat(doc.get("officeId").asText()).isEqualTo("1");
        assertThat(sink.ofCompany(company.cpnId()).get(1).get("topic").asText()).isEqualTo("stock");
    }

    @Test
    void undispatchedSaleReservesStock() {
        long v = seedVariant("BOL-1", 5, 100);
        assertThat(post("/v1/documents.json", boleta("BOL-1", 2, "")).status()).isEqualTo(201);
        assertThat(sim.stock(company.cpnId(), v, 1)).isEqualTo(new BsaleSimulator.StockLevel(5, 2, 3));
        JsonNode row = get("/v1/stocks.json?variantid=" + v).items().get(0);
        assertThat(row.get("quantityReserved").asDouble()).isEqualTo(2.0);
        assertThat(row.get("quantityAvailable").asDouble()).isEqualTo(3.0);
    }

    @Test
    void saleBeyondAvailableStockIsRejected() {
        long v = seedVariant("BOL-1", 1, 100);
        Resp r = post("/v1/documents.json", boleta("BOL-1", 2, "\"dispatch\": 1,"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("There is no stock for this products: \"BOL-1\"");
        assertThat(sim.stock(company.cpnId(), v, 1).quantity()).isEqualTo(1.0);
    }

    @Test
    void salesIdIsNotADedupeKey() {
        seedVariant("BOL-1", 10, 100);
        long a = post("/v1/documents.json", boleta("BOL-1", 1, "\"salesId\": \"web-1026\",")).body().get("id").asLong();
        long b = post("/v1/documents.json", boleta("BOL-1", 1, "\"salesId\": \"web-1026\",")).body().get("id").asLong();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void noFoliosLeftIsReported() {
        seedVariant("BOL-1", 10, 100);
        sim.setFoliosAvailable(company.cpnId(), "39", 1);
        assertThat(post("/v1/documents.json", boleta("BOL-1", 1, "")).status()).isEqualTo(201);
        Resp r = post("/v1/documents.json", boleta("BOL-1", 1, ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("does not have numbers available, check sii caf");
    }

    @Test
    void documentsAreFoundByNumberTypeReferenceClientAndDateRange() {
        seedVariant("POL-001-M", 100, 100);
        seedVariant("BOL-1", 100, 100);
        JsonNode f = post("/v1/documents.json", factura("")).body();
        post("/v1/documents.json", boleta("BOL-1", 1, "\"emissionDate\": 1735776000,"));
        String typeId = f.get("document_type").get("id").asText();
        assertThat(get("/v1/documents.json?codesii=33").body().get("count").asInt()).isEqualTo(1);
        assertThat(get("/v1/documents.json?documenttypeid=" + typeId + "&number=" + f.get("number").asLong())
                .body().get("count").asInt()).isEqualTo(1);
        assertThat(get("/v1/documents.json?referencenumber=1026").items().get(0).get("id").asLong())
                .isEqualTo(f.get("id").asLong());
        assertThat(get("/v1/documents.json?clientcode=76123456-0").body().get("count").asInt()).isEqualTo(1);
        assertThat(get("/v1/documents.json?emissiondaterange=[1735689600,1735689600]").body().get("count").asInt())
                .isEqualTo(1);
        assertThat(get("/v1/documents.json?emissiondaterange=[1735689600,1735776000]").body().get("count").asInt())
                .isEqualTo(2);
        assertThat(get("/v1/documents.json?state=0").body().get("count").asInt()).isEqualTo(2);
        assertThat(sim.documents(company.cpnId())).hasSize(2);
    }

    @Test
    void pdfLinkOfADocumentResolves() throws Exception {
        seedVariant("BOL-1", 5, 100);
        String url = post("/v1/documents.json", boleta("BOL-1", 1, "")).body().get("urlPdf").asText();
        var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.body()).startsWith("%PDF");
    }
}
