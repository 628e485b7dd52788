package dev.enlace.document.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.relbase.simulator.RelbaseSimulator;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentIssued;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.OrderCancelled;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderShipped;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.RelbaseTenant;
import dev.enlace.testing.SimulatedTenantResources;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static dev.enlace.document.flow.DocumentFixtures.JSON;
import static dev.enlace.document.flow.DocumentFixtures.WAIT;
import static dev.enlace.document.flow.DocumentFixtures.awaitDocument;
import static dev.enlace.document.flow.DocumentFixtures.awaitFailure;
import static dev.enlace.document.flow.DocumentFixtures.issuedEvents;
import static dev.enlace.document.flow.DocumentFixtures.line;
import static dev.enlace.document.flow.DocumentFixtures.newOrderId;
import static dev.enlace.document.flow.DocumentFixtures.order;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * DO1-DO8 with relBase as the ERP: contract events in, the relBase simulator's documents (which
 * validates RUTs, a factura's client fields and computes the totals as relBase does), DocumentIssued
 * out. Tenant {@code reldocs} issues boletas (39) and facturas (33), {@code relnotes} notas de venta
 * (1001) instead of boletas. Every SKU of both is linked.
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_document_test"))
class RelbaseDocumentFlowTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> TENANTS = List.of("reldocs", "relnotes");
    private static KafkaEvents events;
    private static ContractEvents contract;
    private static boolean linked;

    private final RelbaseSimulator relbase = SimulatedTenantResources.simulators().relbase();
    private final RelbaseTenant.Created reldocs = SimulatedTenantResources.relbase("reldocs");

    @Inject
    Pool pool;

    @BeforeAll
    static void connect() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.DOCUMENTS);
        contract = new ContractEvents(EnlaceTestResources.broker().bootstrapServers());
    }

    @AfterAll
    static void close() {
        events.close();
        contract.close();
    }

    @BeforeEach
    void linkOnce() {
        if (linked) {
            return;
        }
        linked = true;
        int count = 0;
        for (String id : TENANTS) {
            RelbaseTenant.Created tenant = SimulatedTenantResources.relbase(id);
            // relBase products have no variants: the product id is both (connector guess 14)
            tenant.products().forEach((sku, product) -> contract.publish(id, sku, new ProductLinked(id, sku,
                    new ExternalRef("relbase", String.valueOf(product), String.valueOf(product)),
                    new ExternalRef("jumpseller", "1", "1"), LinkMethod.SKU, OffsetDateTime.now())));
            count += tenant.products().size();
        }
        int expected = count;
        await().atMost(WAIT).until(() -> pool.query("SELECT count(*) FROM document_link WHERE tenant IN ('reldocs', 'relnotes')")
                .execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) >= expected);
    }

    private void paid(String tenant, OrderSnapshot order) {
        contract.publish(tenant, order.orderId(), new OrderPaid(tenant, order, OffsetDateTime.now()));
    }

    /** The documents relBase holds for an order: those labelled as relBase's own integration labels them. */
    private List<JsonNode> relbaseDocumentsFor(RelbaseTenant.Created tenant, String orderId) {
        return relbase.dtes(tenant.companyId()).stream()
                .filter(d -> d.path("label_value").asText().equals("Pedido #" + orderId)).toList();
    }

    /** A client as relBase's API answers it to the company. */
    private JsonNode relbaseClient(RelbaseTenant.Created tenant, long clientId) throws Exception {
        RelbaseSimulator.CompanyAccess access = relbase.companies().stream()
                .filter(c -> c.companyId() == tenant.companyId()).findFirst().orElseThrow();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        SimulatedTenantResources.simulators().relbaseUrl() + "/api/v1/clientes/" + clientId))
                .header("company", access.companyToken()).header("authorization", access.userToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("data");
    }

    // ---- DO1, DO2, DO6 ----

    @Test
    void paidOrderGetsABoletaWhoseTotalRelbaseComputedIsTheOrderTotal() { // DO1, DO6
        String id = newOrderId();
        paid("reldocs", order(id, BillingChoice.receipt(), line(reldocs.skus().get(0), 2, "11990", "0")));

        JsonNode row = awaitDocument("reldocs", id, "SALE");
        assertThat(row.get("documentType").asText()).isEqualTo("39");
        List<JsonNode> inRelbase = relbaseDocumentsFor(reldocs, id);
        assertThat(inRelbase).hasSize(1);
        JsonNode dte = inRelbase.get(0);
        assertThat(dte.get("type_document").asInt()).isEqualTo(39);
        assertThat(dte.get("amount_total").asLong()).isEqualTo(23980);
        // gross prices: relBase takes the IVA out of the total, whole pesos
        assertThat(dte.get("amount_neto").asLong()).isEqualTo(20151);
        assertThat(dte.get("amount_iva").asLong()).isEqualTo(3829);
        DocumentIssued issued = issuedEvents(events, "reldocs", id, 1).get(0);
        assertThat(issued.erpSystem()).isEqualTo("relbase");
        assertThat(issued.folio()).isEqualTo(dte.get("folio").asText());
        assertThat(issued.total().amount()).isEqualByComparingTo("23980");
        assertThat(issued.publicUrl()).isEqualTo(dte.get("pdf_file").get("url").asText());
    }

    @Test
    void buyerAskingForAFacturaGetsOneForTheirCompany() throws Exception { // DO6
        String id = newOrderId();
        BillingChoice factura = new BillingChoice(DocumentKind.INVOICE, "77.654.321-7", "Distribuidora Sur SpA",
                "Venta al por mayor");
        paid("reldocs", order(id, factura, line(reldocs.skus().get(1), 1, "11990", "1199")));

        JsonNode row = awaitDocument("reldocs", id, "SALE");
        assertThat(row.get("documentType").asText()).isEqualTo("33");
        JsonNode dte = relbaseDocumentsFor(reldocs, id).get(0);
        assertThat(dte.get("type_document").asInt()).isEqualTo(33);
        // the line's 10 % discount is on the line (DO7)
        assertThat(dte.get("products").get(0).get("discount").decimalValue()).isEqualByComparingTo("10");
        assertThat(dte.get("amount_total").asLong()).isEqualTo(10791);
        JsonNode client = relbaseClient(reldocs, dte.get("customer_id").asLong());
        assertThat(client.get("rut").asText()).isEqualTo("77654321-7");
        assertThat(client.get("name").asText()).isEqualTo("Distribuidora Sur SpA");
        assertThat(client.get("business_activity").asText()).isEqualTo("Venta al por mayor");
        assertThat(client.get("address").asText()).contains("Av. Italia 1234");
    }

    @Test
    void facturaForARutWithAWrongCheckDigitIsRefusedAndListedAsAFailure() { // DO6, DO8
        String id = newOrderId();
        BillingChoice factura = new BillingChoice(DocumentKind.INVOICE, "77654321-1", "Distribuidora Norte SpA",
                "Venta al por mayor");
        paid("reldocs", order(id, factura, line(reldocs.skus().get(2), 1, "11990", "0")));

        JsonNode failure = awaitFailure("reldocs", id, "SALE");
        assertThat(failure.get("reason").asText()).contains("rut no es válido");
        given().get("/tenants/reldocs/orders/{o}/documents", id).then().body("state", equalTo(List.of("FAILED")));
        assertThat(relbaseDocumentsFor(reldocs, id)).isEmpty();
    }

    @Test
    void tenantThatChoseNotasDeVentaGetsOneInsteadOfABoleta() { // DO2
        RelbaseTenant.Created relnotes = SimulatedTenantResources.relbase("relnotes");
        String id = newOrderId();
        paid("relnotes", order(id, BillingChoice.receipt(), line(relnotes.skus().get(0), 1, "11990", "0")));

        JsonNode row = awaitDocument("relnotes", id, "SALE");
        assertThat(row.get("documentType").asText()).isEqualTo("1001");
        JsonNode note = relbaseDocumentsFor(relnotes, id).get(0);
        assertThat(note.get("type_document").asInt()).isEqualTo(1001);
        // a nota de venta goes nowhere near SII: no SII status, to be invoiced later as a boleta
        assertThat(note.get("sii_status").isNull()).isTrue();
        assertThat(note.get("type_document_sii").asInt()).isEqualTo(39);
        assertThat(note.get("amount_total").asLong()).isEqualTo(11990);
    }

    // ---- DO3, DO4: notas de crédito (61) and guías (52) referencing the sale (README guess 21) ----

    private static JsonNode ofType(List<JsonNode> documents, int type) {
        return documents.stream().filter(d -> d.get("type_document").asInt() == type).findFirst().orElseThrow();
    }

    @Test
    void cancelledPaidOrderGetsOneCreditNoteAnnullingItsBoletaLineByLine() { // DO3, DO7
        String id = newOrderId();
        OrderSnapshot order = order(id, BillingChoice.receipt(), line(reldocs.skus().get(3), 2, "11990", "2398"),
                line(reldocs.skus().get(4), 1, "11990", "0"));
        paid("reldocs", order);
        awaitDocument("reldocs", id, "SALE");
        contract.publish("reldocs", id, new OrderCancelled("reldocs", order, OffsetDateTime.now()));

        JsonNode row = awaitDocument("reldocs", id, "CREDIT_NOTE");
        assertThat(row.get("documentType").asText()).isEqualTo("61");
        List<JsonNode> inRelbase = relbaseDocumentsFor(reldocs, id);
        assertThat(inRelbase).hasSize(2);
        JsonNode boleta = ofType(inRelbase, 39);
        JsonNode credit = ofType(inRelbase, 61);
        JsonNode reference = credit.get("references").get(0);
        assertThat(reference.get("type_document_ref").asInt()).isEqualTo(39);
        assertThat(reference.get("folio_ref").asLong()).isEqualTo(boleta.get("folio").asLong());
        assertThat(reference.get("code_ref").asInt()).isEqualTo(1);
        // the boleta's lines, each with its own discount (DO7)
        assertThat(credit.get("products")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode sold = boleta.get("products").get(i);
            JsonNode returned = credit.get("products").get(i);
            assertThat(returned.get("product_id").asLong()).isEqualTo(sold.get("product_id").asLong());
            assertThat(returned.get("quantity").decimalValue()).isEqualByComparingTo(sold.get("quantity").decimalValue());
            assertThat(returned.get("price").decimalValue()).isEqualByComparingTo(sold.get("price").decimalValue());
            assertThat(returned.get("discount").decimalValue()).isEqualByComparingTo(sold.get("discount").decimalValue());
        }
        assertThat(credit.get("products").get(0).get("discount").decimalValue()).isEqualByComparingTo("10");
        assertThat(credit.get("amount_total").asLong()).isEqualTo(boleta.get("amount_total").asLong());
        assertThat(row.get("folio").asText()).isEqualTo(credit.get("folio").asText());
    }

    @Test
    void shippedOrderGetsOneGuiaReferencingItsSale() { // DO4
        String id = newOrderId();
        OrderSnapshot order = order(id, BillingChoice.receipt(), line(reldocs.skus().get(3), 1, "11990", "0"));
        paid("reldocs", order);
        contract.publish("reldocs", id, new OrderShipped("reldocs", order, OffsetDateTime.now()));

        JsonNode row = awaitDocument("reldocs", id, "DISPATCH_GUIDE");
        assertThat(row.get("documentType").asText()).isEqualTo("52");
        List<JsonNode> inRelbase = relbaseDocumentsFor(reldocs, id);
        assertThat(inRelbase).hasSize(2);
        JsonNode guia = ofType(inRelbase, 52);
        JsonNode reference = guia.get("references").get(0);
        assertThat(reference.get("type_document_ref").asInt()).isEqualTo(39);
        assertThat(reference.get("folio_ref").asLong()).isEqualTo(ofType(inRelbase, 39).get("folio").asLong());
        assertThat(guia.get("type_transfer").asInt()).isEqualTo(1);
        assertThat(guia.get("products")).hasSize(1);
    }

    // ---- DO8 ----

    @Test
    void paidEventDeliveredFiveTimesGivesOneRelbaseDocument() { // DO8
        String id = newOrderId();
        OrderSnapshot order = order(id, BillingChoice.receipt(), line(reldocs.skus().get(4), 1, "11990", "0"));
        for (int i = 0; i < 5; i++) {
            paid("reldocs", order);
        }
        awaitDocument("reldocs", id, "SALE");
        assertThat(events.settle(r -> r.key().equals(Topics.key("reldocs", id))
                && r.value().getType().equals(DocumentIssued.TYPE), Duration.ofSeconds(3))).hasSize(1);
        assertThat(relbaseDocumentsFor(reldocs, id)).hasSize(1);
    }

    @Test
    void crashAfterTheRelbaseCallIsRecoveredByLookingTheDocumentUp() { // DO8
        String id = newOrderId();
        paid("reldocs", order(id, BillingChoice.receipt(), line(reldocs.skus().get(5), 1, "11990", "0")));
        JsonNode first = awaitDocument("reldocs", id, "SALE");

        // as if the worker died after relBase issued the document and before the confirmation committed
        pool.preparedQuery("UPDATE legal_document SET state = 'ISSUING', locked_until = now() - interval '1 second',"
                        + " document_id = NULL, folio = NULL WHERE tenant = 'reldocs' AND order_id = $1 AND purpose = 'SALE'")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5));

        JsonNode recovered = awaitDocument("reldocs", id, "SALE");
        assertThat(recovered.get("documentId").asText()).isEqualTo(first.get("documentId").asText());
        assertThat(recovered.get("folio").asText()).isEqualTo(first.get("folio").asText());
        assertThat(relbaseDocumentsFor(reldocs, id)).hasSize(1);
    }

    @Test
    void retryAfterATimeOutLooksTheRelbaseDocumentUpBeforeIssuing() { // DO8
        String id = newOrderId();
        paid("reldocs", order(id, BillingChoice.receipt(), line(reldocs.skus().get(5), 1, "11990", "0")));
        JsonNode first = awaitDocument("reldocs", id, "SALE");

        // as if the call timed out after relBase issued it: back in line, known to have been sent
        pool.preparedQuery("UPDATE legal_document SET state = 'READY', next_attempt_at = now(), document_id = NULL"
                        + " WHERE tenant = 'reldocs' AND order_id = $1 AND purpose = 'SALE'")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5));

        JsonNode recovered = awaitDocument("reldocs", id, "SALE");
        assertThat(recovered.get("documentId").asText()).isEqualTo(first.get("documentId").asText());
        assertThat(relbaseDocumentsFor(reldocs, id)).hasSize(1);
    }

    @Test
    void ordersThroughARelbaseFailingAThirdOfTheTimeAreEachIssuedOnce() { // DO8
        RelbaseTenant.Created relnotes = SimulatedTenantResources.relbase("relnotes");
        List<String> ids = new ArrayList<>();
        try {
            relbase.setFaults(relnotes.companyId(), 0.33, 500);
            for (int i = 0; i < 20; i++) {
                if (i == 10) {
                    // relBase's over-the-limit answer is a 403
                    relbase.setFaults(relnotes.companyId(), 0.33, 403);
                }
                String id = newOrderId();
                ids.add(id);
                paid("relnotes", order(id, BillingChoice.receipt(), line(relnotes.skus().get(1 + i % 5), 1, "11990", "0")));
            }
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        given().get("/tenants/relnotes/orders/{o}/documents", id).then().body("state", equalTo(List.of("ISSUED"))));
            }
        } finally {
            relbase.setFaults(relnotes.companyId(), 0, 500);
        }
        for (String id : ids) {
            assertThat(relbaseDocumentsFor(relnotes, id)).as("documents of order " + id).hasSize(1);
        }
    }
}
