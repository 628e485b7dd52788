package dev.enlace.document.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.DocumentIssued;
import dev.enlace.events.DocumentPending;
import dev.enlace.events.ExternalRef;
import dev.enlace.events.LinkMethod;
import dev.enlace.events.OrderCancelled;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderShipped;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.events.ProductLinked;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.OwnNotifications;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.testing.ContractEvents;
import dev.enlace.testing.DemoTenant;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import static dev.enlace.document.flow.DocumentFixtures.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * DO1-DO8 through the real path: contract events on the broker, this service, the Bsale simulator's
 * documents, returns and shippings, and DocumentIssued / DocumentPending on enlace.documents.v1.
 * Tenant {@code docs} issues automatically, {@code manualdocs} waits for a choice, {@code acme} has
 * documents off. Every SKU is linked except docs' 9th and 10th (DO5).
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_document_test"))
class DocumentFlowTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaEvents events;
    private static ContractEvents contract;
    private static boolean linked;

    private final Simulators sims = SimulatedTenantResources.simulators();
    private final DemoTenant.Created docs = SimulatedTenantResources.tenant("docs");

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
        for (String id : List.of("docs", "manualdocs", "acme")) {
            DemoTenant.Created tenant = SimulatedTenantResources.tenant(id);
            List<String> skus = id.equals("docs") ? tenant.skus().subList(0, 8) : tenant.skus();
            skus.forEach(sku -> link(tenant, sku));
            count += skus.size();
        }
        // orders of these tests must find their links in place, as they would in a running shop
        int expected = count;
        await().atMost(WAIT).until(() -> pool.query("SELECT count(*) FROM document_link WHERE tenant IN ('docs', 'manualdocs', 'acme')").execute()
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) >= expected);
    }

    private void link(DemoTenant.Created tenant, String sku) {
        contract.publish(tenant.id(), sku, new ProductLinked(tenant.id(), sku,
                new ExternalRef("bsale", "p", String.valueOf(tenant.bsaleVariants().get(sku))),
                new ExternalRef("jumpseller", "1", "1"), LinkMethod.SKU, OffsetDateTime.now()));
    }

    // ---- orders ----

    private void paid(String tenant, OrderSnapshot order) {
        contract.publish(tenant, order.orderId(), new OrderPaid(tenant, order, OffsetDateTime.now()));
    }

    // ---- outcomes ----

    /** The sale documents Bsale holds for an order, found by its purchase-order reference. */
    private JsonNode bsaleDocumentsFor(DemoTenant.Created tenant, String orderId) throws Exception {
        return bsale(tenant, "/v1/documents.json?referencenumber=" + orderId + "&limit=50").get("items");
    }

    private JsonNode bsale(DemoTenant.Created tenant, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sims.bsaleUrl() + path))
                .header("access_token", tenant.bsaleToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    // ---- DO1, DO6, DO7 ----

    @Test
    void paidOrderGetsAReceiptWhoseTotalIsTheOrderTotal() throws Exception { // DO1, DO6
        String id = newOrderId();
        paid("docs", order(id, BillingChoice.receipt(), line(docs.skus().get(0), 2, "11890", "0")));

        JsonNode row = awaitDocument("docs", id, "SALE");
        assertThat(row.get("documentType").asText()).isEqualTo("39");
        JsonNode inBsale = bsaleDocumentsFor(docs, id);
        assertThat(inBsale).hasSize(1);
        assertThat(inBsale.get(0).get("totalAmount").decimalValue()).isEqualByComparingTo("23780");
        DocumentIssued issued = issuedEvents(events, "docs", id, 1).get(0);
        assertThat(issued.folio()).isEqualTo(inBsale.get(0).get("number").asText());
        assertThat(issued.total().amount()).isEqualByComparingTo("23780");
        assertThat(issued.net().amount().add(issued.tax().amount())).isEqualByComparingTo("23780");
        assertThat(issued.publicUrl()).isNotBlank();
    }

    @Test
    void invoiceCarriesTheBuyersCompanyData() throws Exception { // DO6
        String id = newOrderId();
        BillingChoice invoice = new BillingChoice(DocumentKind.INVOICE, "76123456-0", "Comercial Ejemplo SpA",
                "Venta al por menor");
        paid("docs", order(id, invoice, line(docs.skus().get(1), 1, "9990", "0")));

        JsonNode row = awaitDocument("docs", id, "SALE");
        assertThat(row.get("documentType").asText()).isEqualTo("33");
        JsonNode doc = bsaleDocumentsFor(docs, id).get(0);
        JsonNode client = bsale(docs, "/v1/clients/" + doc.get("client").get("id").asText() + ".json");
        assertThat(client.get("code").asText()).isEqualTo("76123456-0");
        assertThat(client.get("company").asText()).isEqualTo("Comercial Ejemplo SpA");
        assertThat(client.get("activity").asText()).isEqualTo("Venta al por menor");
        assertThat(client.get("municipality").asText()).isEqualTo("Providencia");
    }

    @Test
    void paidEventDeliveredFiveTimesGivesOneDocument() throws Exception { // DO8
        String id = newOrderId();
        OrderSnapshot order = order(id, BillingChoice.receipt(), line(docs.skus().get(4), 1, "5000", "0"));
        for (int i = 0; i < 5; i++) {
            paid("docs", order);
        }
        awaitDocument("docs", id, "SALE");
        assertThat(events.settle(r -> r.key().equals(Topics.key("docs", id))
                && r.value().getType().equals(DocumentIssued.TYPE), Duration.ofSeconds(3))).hasSize(1);
        assertThat(bsaleDocumentsFor(docs, id)).hasSize(1);
    }

    // ---- DO2 ----

    @Test
    void tenantWithDocumentsOffGetsNoDocument() throws Exception { // DO2
        DemoTenant.Created acme = SimulatedTenantResources.tenant("acme");
        String off = newOrderId();
        paid("acme", order(off, BillingChoice.receipt(), line(acme.skus().get(0), 1, "11890", "0")));
        // an order of a tenant with documents on, published after, shows the consumer got past it
        String on = newOrderId();
        paid("docs", order(on, BillingChoice.receipt(), line(docs.skus().get(0), 1, "11890", "0")));
        awaitDocument("docs", on, "SALE");

        given().get("/tenants/acme/orders/{o}/documents", off).then().statusCode(200).body("$", hasSize(0));
        assertThat(bsaleDocumentsFor(acme, off)).isEmpty();
    }

    // ---- DO1 manual mode ----

    @Test
    void manualModeIssuesOnlyTheTypeSomeoneChose() throws Exception { // DO1
        DemoTenant.Created manual = SimulatedTenantResources.tenant("manualdocs");
        String id = newOrderId();
        paid("manualdocs", order(id, BillingChoice.receipt(), line(manual.skus().get(0), 1, "11890", "0")));
        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/manualdocs/documents/pending").then()
                .statusCode(200).body("findAll { it.orderId == '" + id + "' }.state", equalTo(List.of("AWAITING_CHOICE"))));
        assertThat(bsaleDocumentsFor(manual, id)).isEmpty();

        given().contentType(ContentType.JSON).body("{\"kind\": \"RECEIPT\"}")
                .post("/tenants/manualdocs/orders/{o}/documents", id).then().statusCode(202);
        JsonNode row = awaitDocument("manualdocs", id, "SALE");
        assertThat(row.get("documentType").asText()).isEqualTo("39");
        assertThat(bsaleDocumentsFor(manual, id)).hasSize(1);
        // a second choice for the same order is refused, not issued twice (DO8)
        given().contentType(ContentType.JSON).body("{\"documentType\": \"33\"}")
                .post("/tenants/manualdocs/orders/{o}/documents", id).then().statusCode(409);
    }

    // ---- DO5 ----

    @Test
    void orderWithAnUnlinkedSkuWaitsAndIsIssuedWhenLinked() throws Exception { // DO5
        String unlinked = docs.skus().get(8);
        String id = newOrderId();
        paid("docs", order(id, BillingChoice.receipt(), line(docs.skus().get(2), 1, "11890", "0"),
                line(unlinked, 1, "11890", "0")));

        List<ConsumerRecord<String, io.cloudevents.CloudEvent>> pending = events.await(r -> r.key().equals(
                Topics.key("docs", id)) && r.value().getType().equals(DocumentPending.TYPE), 1, WAIT);
        assertThat(pending).hasSize(1);
        assertThat(read(pending.get(0).value().getData().toBytes(), DocumentPending.class).missingSkus())
                .containsExactly(unlinked);
        given().get("/tenants/docs/documents/pending").then().statusCode(200)
                .body("findAll { it.orderId == '" + id + "' }.missingSkus", equalTo(List.of(List.of(unlinked))));
        assertThat(bsaleDocumentsFor(docs, id)).isEmpty();

        link(docs, unlinked);
        awaitDocument("docs", id, "SALE");
        assertThat(bsaleDocumentsFor(docs, id)).hasSize(1);
    }

    // ---- DO3, DO7 ----

    @Test
    void cancelledOrderGetsACreditNoteReturningEachLineWithItsDiscount() throws Exception { // DO3, DO7
        String id = newOrderId();
        OrderSnapshot order = order(id, BillingChoice.receipt(), line(docs.skus().get(3), 2, "11890", "2378"),
                line(docs.skus().get(4), 1, "4990", "0"));
        paid("docs", order);
        JsonNode sale = awaitDocument("docs", id, "SALE");
        // 2 x 11890 - 2378 + 4990: the discounted line and the order add up to what Bsale computes
        assertThat(sale.get("total").decimalValue()).isEqualByComparingTo("26392");
        assertThat(sale.get("net").decimalValue().add(sale.get("tax").decimalValue())).isEqualByComparingTo("26392");

        contract.publish("docs", id, new OrderCancelled("docs", order, OffsetDateTime.now()));
        JsonNode note = awaitDocument("docs", id, "CREDIT_NOTE");
        assertThat(note.get("documentType").asText()).isEqualTo("61");
        List<JsonNode> returns = sims.bsale().returns(docs.cpnId()).stream()
                .filter(r -> r.get("reference_document").get("id").asText().equals(sale.get("documentId").asText())).toList();
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).get("credit_note").get("id").asText()).isEqualTo(note.get("documentId").asText());
        // the whole sale comes back, discount included
        assertThat(note.get("total").decimalValue()).isEqualByComparingTo(sale.get("total").decimalValue());
    }

    @Test
    void orderCancelledBeforeItsDocumentLeftGetsNoDocumentAtAll() throws Exception { // DO3, DO5
        String id = newOrderId();
        OrderSnapshot order = order(id, BillingChoice.receipt(), line(docs.skus().get(9), 1, "11890", "0"));
        paid("docs", order);
        events.await(r -> r.key().equals(Topics.key("docs", id)) && r.value().getType().equals(DocumentPending.TYPE),
                1, WAIT);
        contract.publish("docs", id, new OrderCancelled("docs", order, OffsetDateTime.now()));
        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/docs/orders/{o}/documents", id).then()
                .body("state", equalTo(List.of("CANCELLED"))));
        assertThat(bsaleDocumentsFor(docs, id)).isEmpty();
    }

    // ---- DO4 ----

    @Test
    void shippedOrderGetsADispatchGuideForItsLines() throws Exception { // DO4
        String id = newOrderId();
        OrderSnapshot order = order(id, BillingChoice.receipt(), line(docs.skus().get(5), 2, "11890", "0"));
        paid("docs", order);
        contract.publish("docs", id, new OrderShipped("docs", order, OffsetDateTime.now()));

        JsonNode guide = awaitDocument("docs", id, "DISPATCH_GUIDE");
        assertThat(guide.get("documentType").asText()).isEqualTo("52");
        List<JsonNode> shippings = sims.bsale().shippings(docs.cpnId()).stream()
                .filter(s -> s.get("guide").get("id").asText().equals(guide.get("documentId").asText())).toList();
        assertThat(shippings).hasSize(1);
        assertThat(shippings.get(0).get("municipality").asText()).isEqualTo("Providencia");
    }

    // ---- DO8 under faults and crashes ----

    @Test
    void fiftyOrdersThroughAnErpFailingAThirdOfTheTimeAreEachIssuedOnce() throws Exception { // DO8
        String sku = docs.sellableWithoutStock().get(0);
        List<String> ids = new ArrayList<>();
        try {
            sims.bsale().setFaults(docs.cpnId(), 0.33, 500);
            for (int i = 0; i < 50; i++) {
                if (i == 25) {
                    sims.bsale().setFaults(docs.cpnId(), 0.33, 429);
                }
                String id = newOrderId();
                ids.add(id);
                paid("docs", order(id, BillingChoice.receipt(), line(sku, 1, "11890", "0")));
            }
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        given().get("/tenants/docs/orders/{o}/documents", id).then().body("state", equalTo(List.of("ISSUED"))));
            }
        } finally {
            sims.bsale().setFaults(docs.cpnId(), 0, 500);
        }
        for (String id : ids) {
            assertThat(bsaleDocumentsFor(docs, id)).as("documents of order " + id).hasSize(1);
        }
    }

    @Test
    void crashAfterTheErpCallIsRecoveredByLookingTheDocumentUp() throws Exception { // DO8
        String id = newOrderId();
        paid("docs", order(id, BillingChoice.receipt(), line(docs.skus().get(6), 1, "11890", "0")));
        JsonNode first = awaitDocument("docs", id, "SALE");

        // as if the worker died after Bsale issued the document and before the confirmation committed
        pool.preparedQuery("UPDATE legal_document SET state = 'ISSUING', locked_until = now() - interval '1 second',"
                        + " document_id = NULL, folio = NULL WHERE tenant = 'docs' AND order_id = $1 AND purpose = 'SALE'")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5));

        JsonNode recovered = awaitDocument("docs", id, "SALE");
        assertThat(recovered.get("documentId").asText()).isEqualTo(first.get("documentId").asText());
        assertThat(bsaleDocumentsFor(docs, id)).hasSize(1);
    }

    @Test
    void retryAfterATimeOutLooksTheDocumentUpBeforeIssuing() throws Exception { // DO8
        String id = newOrderId();
        paid("docs", order(id, BillingChoice.receipt(), line(docs.skus().get(7), 1, "11890", "0")));
        JsonNode first = awaitDocument("docs", id, "SALE");

        // as if the call timed out after Bsale issued it: back in line, known to have been sent
        pool.preparedQuery("UPDATE legal_document SET state = 'READY', next_attempt_at = now(), document_id = NULL"
                        + " WHERE tenant = 'docs' AND order_id = $1 AND purpose = 'SALE'")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5));

        JsonNode recovered = awaitDocument("docs", id, "SALE");
        assertThat(recovered.get("documentId").asText()).isEqualTo(first.get("documentId").asText());
        assertThat(bsaleDocumentsFor(docs, id)).hasSize(1);
    }

    @Test
    void refusedDocumentIsListedAsAFailureAndIssuedOnceWhenRetried() throws Exception { // DO8, OP3
        DemoTenant.Created manual = SimulatedTenantResources.tenant("manualdocs");
        String id = newOrderId();
        paid("manualdocs", order(id, BillingChoice.receipt(), line(manual.skus().get(1), 1, "11890", "0")));
        await().atMost(WAIT).untilAsserted(() -> given().get("/tenants/manualdocs/documents/pending").then()
                .body("findAll { it.orderId == '" + id + "' }.state", equalTo(List.of("AWAITING_CHOICE"))));
        JsonNode failure;
        try {
            // no folios left: Bsale refuses, and a person must act
            sims.bsale().setFoliosAvailable(manual.cpnId(), "39", 0);
            given().contentType(ContentType.JSON).body("{\"kind\": \"RECEIPT\"}")
                    .post("/tenants/manualdocs/orders/{o}/documents", id).then().statusCode(202);
            failure = awaitFailure("manualdocs", id, "SALE");
            assertThat(failure.get("reason").asText()).contains("does not have numbers available");
            given().get("/tenants/manualdocs/orders/{o}/documents", id).then().body("state", equalTo(List.of("FAILED")));
        } finally {
            sims.bsale().setFoliosAvailable(manual.cpnId(), "39", 1000);
        }
        given().post("/failures/{f}/retry", failure.get("id").asLong()).then().statusCode(200);
        awaitDocument("manualdocs", id, "SALE");
        assertThat(bsaleDocumentsFor(manual, id)).hasSize(1);
    }

    /**
     * DO8's worker sleeps until a document can be due: its own claim (ISSUING) used to wake it for the next claim,
     * a busy loop while idle. A new row and a settled one (issued: the order's next document may go) still wake it.
     */
    @Test
    void claimingWakesNoDocumentWorkerNewAndIssuedDocumentsDo() throws Exception { // DO8
        try (var own = new OwnNotifications(EnlaceTestResources.databaseName("enlace_document_test"), "enlace_document_ready")) {
            String order = newOrderId();
            // PENDING_LINKS of an unknown tenant: out of the worker's reach while the test moves it by hand
            assertThat(own.afterRunning("INSERT INTO legal_document (tenant, order_id, purpose, state, order_json, missing_skus)"
                    + " VALUES ('nobody', '" + order + "', 'SALE', 'PENDING_LINKS', '{}', ',NEVER-LINKED,')")).as("new").isEqualTo(1);
            String where = " WHERE tenant = 'nobody' AND order_id = '" + order + "'";
            assertThat(own.afterRunning("UPDATE legal_document SET state = 'ISSUING' WHERE id = -1")).as("empty claim").isZero();
            assertThat(own.afterRunning("UPDATE legal_document SET state = 'ISSUING'" + where)).as("claim").isZero();
            assertThat(own.afterRunning("UPDATE legal_document SET state = 'ISSUED'" + where)).as("issued").isEqualTo(1);
        }
    }
}
