package dev.enlace.order.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.framework360.simulator.Framework360Simulator;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.OrderCancelled;
import dev.enlace.events.OrderPaid;
import dev.enlace.events.OrderShipped;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.events.OrderStatusChanged;
import dev.enlace.events.Topics;
import dev.enlace.platform.testing.EnlaceTestResources;
import dev.enlace.platform.testing.KafkaEvents;
import dev.enlace.simulator.WebhookDispatcher;
import dev.enlace.testing.SimulatedTenantResources;
import dev.enlace.testing.Simulators;
import dev.enlace.testing.SmartyTenant;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OR1 for a Framework360 site (tenant {@code smarty}): orders placed and moved through the site's statuses in the
 * Framework360 simulator, its signed webhooks to this service (subscribed by the service itself, OP4), the order
 * read back with {@code orders/get}, events on enlace.orders.v1. The webhook format is a guess (connector README).
 */
@QuarkusTest
@WithTestResource(value = SimulatedTenantResources.class, initArgs = @ResourceArg(name = "database", value = "enlace_order_test"))
class Framework360OrderFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final long CARD = 1;
    private static final long CASH_ON_DELIVERY = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static KafkaEvents events;

    private final Simulators sims = SimulatedTenantResources.simulators();
    private final SmartyTenant.Created tenant = SimulatedTenantResources.smarty();

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void subscribe() {
        events = new KafkaEvents(EnlaceTestResources.broker().bootstrapServers(), Topics.ORDERS);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void orderWebhooksAreSubscribed() { // OP4: the service created them through webhooks/create when it loaded the tenant
        String url = SimulatedTenantResources.serviceUrl() + "/webhooks/framework360/" + tenant.id();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sims.framework360().webhooks(tenant.site()))
                .extracting(Framework360Simulator.Webhook::event, Framework360Simulator.Webhook::url)
                .contains(org.assertj.core.groups.Tuple.tuple("order.created", url), org.assertj.core.groups.Tuple.tuple("order.updated", url)));
    }

    @Test
    void paidOrderIsAnnouncedWithLinesTotalsAndInvoiceData() throws Exception { // OR1, DO6
        String id = place(tenant.skus().get(0), 2, CARD, "01234567890");
        OrderStatusChanged placed = single(id, OrderStatusChanged.TYPE, OrderStatusChanged.class);
        assertThat(placed.order().status()).isEqualTo("In attesa di pagamento");
        sims.framework360().setStatus(tenant.site(), id, sims.framework360().status(tenant.site(), "Pagato"));

        OrderSnapshot o = single(id, OrderPaid.TYPE, OrderPaid.class).order();
        assertThat(o.system()).isEqualTo("framework360");
        assertThat(o.status()).isEqualTo("Pagato");
        assertThat(o.currency()).isEqualTo("EUR");
        assertThat(o.cashOnDelivery()).isFalse();
        assertThat(o.paymentMethod()).isEqualTo("Carta di credito");
        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo(tenant.skus().get(0));
            assertThat(l.productId()).isEqualTo(String.valueOf(tenant.storeProducts().get(tenant.skus().get(0))));
            assertThat(l.quantity()).isEqualByComparingTo("2");
            assertThat(l.unitPrice().amount()).isEqualByComparingTo("15.20");
            assertThat(l.taxRate()).isEqualByComparingTo("22");
            assertThat(l.taxIncluded()).isTrue();
        });
        assertThat(o.subtotal().amount()).isEqualByComparingTo("30.40");
        assertThat(o.shipping().amount()).isEqualByComparingTo("5.00");
        assertThat(o.total().amount()).isEqualByComparingTo("35.40");
        assertThat(o.customer().email()).isEqualTo("mario@example.it");
        assertThat(o.billing()).isEqualTo(new BillingChoice(DocumentKind.INVOICE, "01234567890", null, null));
    }

    @Test
    void cashOnDeliveryOrderIsPaidAsSoonAsItIsPlaced() throws Exception { // OR1, settings.orders.cashOnDeliveryIsPaid
        String id = place(tenant.skus().get(1), 1, CASH_ON_DELIVERY, null);
        OrderPaid paid = single(id, OrderPaid.TYPE, OrderPaid.class);
        assertThat(paid.order().status()).isEqualTo("In attesa di pagamento");
        assertThat(paid.order().cashOnDelivery()).isTrue();
        assertThat(paid.order().billing()).isEqualTo(BillingChoice.receipt());
        // collected on delivery: not a second payment
        sims.framework360().setStatus(tenant.site(), id, sims.framework360().status(tenant.site(), "Completato"));
        single(id, OrderShipped.TYPE, OrderShipped.class);
        assertThat(events.settle(of(id, OrderPaid.TYPE), QUIET)).hasSize(1);
    }

    @Test
    void cancelledUnpaidOrderIsAnnouncedCancelledAndNeverPaid() throws Exception { // OR1
        String id = place(tenant.skus().get(2), 1, CARD, null);
        single(id, OrderStatusChanged.TYPE, OrderStatusChanged.class);
        sims.framework360().setStatus(tenant.site(), id, sims.framework360().status(tenant.site(), "Annullato"));
        OrderCancelled cancelled = single(id, OrderCancelled.TYPE, OrderCancelled.class);
        assertThat(cancelled.order().status()).isEqualTo("Annullato");
        assertThat(events.settle(of(id, OrderPaid.TYPE), QUIET)).isEmpty();
    }

    @Test
    void shippedOrderIsAnnouncedOnceAfterItsPayment() throws Exception { // OR1, DO4
        String id = place(tenant.skus().get(3), 1, CARD, null);
        sims.framework360().setStatus(tenant.site(), id, sims.framework360().status(tenant.site(), "Pagato"));
        single(id, OrderPaid.TYPE, OrderPaid.class);
        sims.framework360().setStatus(tenant.site(), id, sims.framework360().status(tenant.site(), "Spedito"));
        OrderShipped shipped = single(id, OrderShipped.TYPE, OrderShipped.class);
        assertThat(shipped.order().status()).isEqualTo("Spedito");
        await().atMost(WAIT).untilAsserted(() -> assertThat(parse(events.settle(of(id, OrderStatusChanged.TYPE),
                Duration.ofMillis(200)), OrderStatusChanged.class)).last()
                .satisfies(c -> assertThat(c.previousStatus()).isEqualTo("Pagato")));
        assertThat(events.settle(of(id, OrderShipped.TYPE), QUIET)).hasSize(1);
    }

    @Test
    void redeliveredWebhookChangesNothing() throws Exception { // OR1: idempotent ingress
        String id = place(tenant.skus().get(4), 1, CARD, null);
        sims.framework360().setStatus(tenant.site(), id, sims.framework360().status(tenant.site(), "Pagato"));
        single(id, OrderPaid.TYPE, OrderPaid.class);
        WebhookDispatcher.Attempt paidHook = sims.framework360().webhookAttempts(tenant.site()).stream()
                .filter(a -> a.delivered() && a.body().contains("\"id\":\"" + id + "\"") && a.body().contains("order.updated"))
                .reduce((a, b) -> b).orElseThrow();
        int changes = events.settle(of(id, OrderStatusChanged.TYPE), QUIET).size();
        for (int i = 0; i < 3; i++) {
            deliver("order.updated", paidHook.body());
        }
        assertThat(events.settle(of(id, OrderPaid.TYPE), QUIET)).hasSize(1);
        assertThat(events.settle(of(id, OrderStatusChanged.TYPE), Duration.ZERO)).hasSize(changes);
    }

    @Test
    void webhookWithABadSignatureIsRefused() throws Exception { // guessed signature: HMAC-SHA256 with the API key
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create(SimulatedTenantResources.serviceUrl() + "/webhooks/framework360/" + tenant.id()))
                .header("Content-Type", "application/json").header("X-Fw360-Event", "order.updated")
                .header("X-Fw360-Signature", "sha256=00").POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"order.updated\",\"data\":{\"id\":\"1\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    private String place(String sku, int quantity, long payment, String vatNumber) {
        return sims.framework360().placeOrder(tenant.site(), new Framework360Simulator.OrderRequest("mario@example.it", "Mario",
                "Rossi", vatNumber, List.of(new Framework360Simulator.Line(sku, quantity)), payment, new BigDecimal("5.00")));
    }

    /** A webhook as the site sends it: signed with its API key. */
    private void deliver(String event, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(tenant.siteKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create(SimulatedTenantResources.serviceUrl() + "/webhooks/framework360/" + tenant.id()))
                .header("Content-Type", "application/json").header("X-Fw360-Event", event).header("X-Fw360-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

    private Predicate<ConsumerRecord<String, CloudEvent>> of(String id, String type) {
        return r -> r.key().equals(Topics.key(tenant.id(), id)) && r.value().getType().equals(type);
    }

    private <T> T single(String id, String type, Class<T> cls) throws Exception {
        List<ConsumerRecord<String, CloudEvent>> found = events.await(of(id, type), 1, WAIT);
        assertThat(found).as(type + " for order " + id).isNotEmpty();
        return mapper.readValue(found.get(0).value().getData().toBytes(), cls);
    }

    private <T> List<T> parse(List<ConsumerRecord<String, CloudEvent>> found, Class<T> cls) {
        return found.stream().map(r -> {
            try {
                return mapper.readValue(r.value().getData().toBytes(), cls);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
