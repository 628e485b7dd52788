package dev.enlace.connector.moysklad.mapping;

import dev.enlace.platform.connectors.CatalogVariant;
import dev.enlace.platform.connectors.ErpProductLinks;
import dev.enlace.platform.connectors.ErpStock;
import dev.enlace.platform.connectors.StockSignal;
import dev.enlace.platform.tenant.Connection;
import dev.enlace.platform.tenant.TenantRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The MoySklad connector against its simulator: catalogue, stock, webhooks. */
@QuarkusTest
@WithTestResource(MoyskladTestResources.class)
class MoyskladConnectorTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MoyskladVariantCatalog catalog;
    @Inject
    MoyskladStockSource stock;
    @Inject
    MoyskladProductLinks links;
    @Inject
    TenantRegistry tenants;
    @Inject
    MoyskladProductCatalog products;
    @Inject
    dev.enlace.connector.moysklad.webhook.MoyskladProductSignals productSignals;

    private Connection erp(String tenant) {
        return tenants.find(tenant).orElseThrow().erp();
    }

    private static String small() {
        return MoyskladTestResources.seeded.assortmentIds().get(0);
    }

    @Test
    void catalogueListsEveryPlainProductAndVariantAcrossPagesWithArticleAsSku() {
        List<CatalogVariant> all = catalog.variants(erp("allstores")).collect().asList().await().atMost(WAIT);
        assertThat(all).hasSize(MoyskladTestResources.PLAIN_PRODUCTS + 2);
        Map<String, CatalogVariant> bySku = all.stream().collect(Collectors.toMap(CatalogVariant::sku, v -> v));
        assertThat(bySku.get("SKU-1204").ref().variantId()).isEqualTo(bySku.get("SKU-1204").ref().productId());
        CatalogVariant medium = bySku.get("TS-M");
        assertThat(medium.ref().productId()).isEqualTo(MoyskladTestResources.seeded.productIds().get(0));
        assertThat(medium.ref().variantId()).isEqualTo(MoyskladTestResources.seeded.assortmentIds().get(1));
        assertThat(medium.name()).isEqualTo("Футболка (M)");
        // the T-shirt itself has variants, so it is not sellable on its own
        assertThat(all).noneMatch(v -> "TS".equals(v.sku()));
    }

    @Test
    void stockIsTheFreeStockSummedOverEveryStoreWhenTheTenantNamesNone() {
        ErpStock s = stock.stock(erp("allstores"), small(), List.of()).await().atMost(WAIT);
        // main store 5 - 2 reserved, shop 3
        assertThat(s.quantity()).isEqualByComparingTo(new BigDecimal("6"));
        assertThat(s.sku()).isEqualTo("TS-S");
        assertThat(s.productId()).isEqualTo(MoyskladTestResources.seeded.productIds().get(0));
        assertThat(s.sellWithoutStock()).isFalse();
    }

    @Test
    void stockCountsOnlyTheStoresTheTenantNames() {
        Connection main = erp("mainstore");
        List<String> stores = tenants.find("mainstore").orElseThrow().settings().stock().offices();
        ErpStock s = stock.stock(main, small(), stores).await().atMost(WAIT);
        assertThat(s.quantity()).isEqualByComparingTo(new BigDecimal("3"));
    }

    @Test
    void aProductWithoutVariantsIsReadByItsOwnId() {
        String plain = MoyskladTestResources.seeded.assortmentIds().get(12);
        ErpStock s = stock.stock(erp("allstores"), plain, List.of()).await().atMost(WAIT);
        assertThat(s.sku()).isEqualTo("SKU-10");
        assertThat(s.productId()).isEqualTo(plain);
        assertThat(s.quantity()).isEqualByComparingTo(new BigDecimal("10"));
    }

    @Test
    void linksAreReadFromTheInSalesProductIdField() {
        String shirt = MoyskladTestResources.seeded.productIds().get(0);
        assertThat(links.links(erp("allstores")).collect().asList().await().atMost(WAIT))
                .contains(new ErpProductLinks.Link(shirt, "555"));
        assertThat(links.erpProductOf(erp("allstores"), "555").await().atMost(WAIT)).contains(shirt);
        assertThat(links.erpProductOf(erp("allstores"), "999999").await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aLinkIsKeptInTheProductsFieldAndCanBeCleared() {
        String plain = MoyskladTestResources.seeded.productIds().get(7);
        String accountId = MoyskladTestResources.account.accountId();
        links.keep(erp("allstores"), plain, "777001").await().atMost(WAIT);
        assertThat(MoyskladTestResources.sim.productAttribute(accountId, plain, "inSales product ID")).isEqualTo("777001");
        assertThat(links.erpProductOf(erp("allstores"), "777001").await().atMost(WAIT)).contains(plain);
        links.keep(erp("allstores"), plain, null).await().atMost(WAIT);
        assertThat(MoyskladTestResources.sim.productAttribute(accountId, plain, "inSales product ID")).isNull();
    }

    @Test
    void aStockMoveReachesTheInboxAndNamesTheItemAndStoreThatChanged() {
        RecordingStockHandler.SIGNALS.clear();
        String medium = MoyskladTestResources.seeded.assortmentIds().get(1);
        String shop = MoyskladTestResources.seeded.storeIds().get(1);
        MoyskladTestResources.sim.moveStock(MoyskladTestResources.account.accountId(), medium, shop, -1, 0);
        await().atMost(WAIT).until(() -> RecordingStockHandler.SIGNALS.contains(new StockSignal(medium, shop)));
        assertThat(MoyskladTestResources.sim.webhookAttempts(MoyskladTestResources.account.accountId()))
                .anyMatch(a -> a.status() == 200);
    }

    private static String stockWebhook(String accountId) {
        return "{\"accountId\":\"" + accountId + "\",\"stockType\":\"stock\",\"reportType\":\"all\","
                + "\"reportUrl\":\"https://api.moysklad.ru/api/remap/1.2/report/stock/all/current?changedSince=2026-11-24 10:00:00\"}";
    }

    @Test
    void aStockWebhookWithTheTenantTokenIsAcceptedWith200() {
        given().contentType(ContentType.JSON).body(stockWebhook(MoyskladTestResources.account.accountId()))
                .when().post("/webhooks/moysklad/mainstore/" + MoyskladTestResources.WEBHOOK_TOKEN + "?requestId=r-1")
                .then().statusCode(200).body("status", equalTo("accepted"));
    }

    @Test
    void aWebhookWithAWrongTokenIsRefused() {
        given().contentType(ContentType.JSON).body(stockWebhook(MoyskladTestResources.account.accountId()))
                .when().post("/webhooks/moysklad/mainstore/not-the-token").then().statusCode(401);
    }

    @Test
    void aWebhookForAnotherAccountIsRefused() {
        given().contentType(ContentType.JSON).body(stockWebhook("00000000-0000-0000-0000-000000000000"))
                .when().post("/webhooks/moysklad/mainstore/" + MoyskladTestResources.WEBHOOK_TOKEN).then().statusCode(401);
    }

    @Test
    void malformedWebhooksAre400() {
        String url = "/webhooks/moysklad/mainstore/" + MoyskladTestResources.WEBHOOK_TOKEN;
        given().contentType(ContentType.JSON).body("{not json").when().post(url).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"accountId\":\"x\"}").when().post(url).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"accountId\":\"" + MoyskladTestResources.account.accountId()
                + "\",\"reportUrl\":\"https://x/report/stock/all/current\"}").when().post(url).then().statusCode(400);
    }

    @Test
    void entityWebhooksAreReadAsTheirTypeAndAction() {
        String body = "{\"auditContext\":{\"meta\":{\"type\":\"audit\",\"href\":\"https://x/audit/1\"},"
                + "\"moment\":\"2026-11-24 10:00:00\",\"uid\":\"admin@shop\"},\"events\":[{\"meta\":{\"type\":\"customerorder\","
                + "\"href\":\"https://api.moysklad.ru/api/remap/1.2/entity/customerorder/5\"},\"action\":\"UPDATE\","
                + "\"accountId\":\"" + MoyskladTestResources.account.accountId() + "\",\"updatedFields\":[\"state\"]}]}";
        // nothing in this module handles customer orders: verified, parsed, then ignored
        given().contentType(ContentType.JSON).body(body)
                .when().post("/webhooks/moysklad/mainstore/" + MoyskladTestResources.WEBHOOK_TOKEN)
                .then().statusCode(200).body("status", equalTo("ignored"));
    }

    @Test
    void aProductWithVariantsIsOneSnapshotWhoseVariantsCarrySkuOptionsAndTheProductsPrice_CA5() {
        String shirt = MoyskladTestResources.seeded.productIds().get(0);
        var snapshot = products.product(erp("allstores"), shirt).await().atMost(WAIT).orElseThrow();
        assertThat(snapshot.name()).isEqualTo("Футболка");
        assertThat(snapshot.variants()).extracting(v -> v.sku() + " " + v.options() + " " + v.price().amount() + " " + v.price().currency())
                .containsExactly("TS-S [S] 990.00 RUB", "TS-M [M] 990.00 RUB");
        assertThat(snapshot.variants().get(0).variantId()).isEqualTo(small());
        String plain = MoyskladTestResources.seeded.productIds().get(1);
        var single = products.product(erp("allstores"), plain).await().atMost(WAIT).orElseThrow();
        assertThat(single.variants()).hasSize(1);
        assertThat(single.variants().get(0).variantId()).as("a product without variants is its own variant").isEqualTo(plain);
    }

    @Test
    void thePriceOfTheChosenPriceTypeIsRead_CA7() {
        String shirt = MoyskladTestResources.seeded.productIds().get(0);
        var chosen = products.product(dev.enlace.platform.connectors.PriceListChoice.apply(erp("allstores"), "Цена продажи"), shirt)
                .await().atMost(WAIT).orElseThrow();
        assertThat(chosen.variants().get(0).price().amount()).isEqualByComparingTo("990");
        var missing = products.product(dev.enlace.platform.connectors.PriceListChoice.apply(erp("allstores"), "Опт"), shirt)
                .await().atMost(WAIT).orElseThrow();
        assertThat(missing.variants().get(0).price()).as("the product has no price of that type").isNull();
    }

    @Test
    void productAndVariantWebhooksNameTheirProducts_CA5() {
        String shirt = MoyskladTestResources.seeded.productIds().get(0);
        String plain = MoyskladTestResources.seeded.productIds().get(1);
        String base = "http://x/api/remap/1.2/entity/";
        String body = "{\"events\":[{\"meta\":{\"type\":\"variant\",\"href\":\"" + base + "variant/" + small() + "\"},\"action\":\"UPDATE\"},"
                + "{\"meta\":{\"type\":\"product\",\"href\":\"" + base + "product/" + plain + "\"},\"action\":\"CREATE\"},"
                + "{\"meta\":{\"type\":\"product\",\"href\":\"" + base + "product/" + shirt + "\"},\"action\":\"UPDATE\"},"
                + "{\"meta\":{\"type\":\"product\",\"href\":\"" + base + "product/" + plain + "\"},\"action\":\"DELETE\"}]}";
        var delivery = new dev.enlace.platform.ingress.InboxDelivery(1, "moysklad", "allstores", "variant.update", base, body, 1);
        assertThat(productSignals.carriesProducts("variant.update")).isTrue();
        assertThat(productSignals.carriesProducts("customerorder.update")).isFalse();
        assertThat(productSignals.changedProducts(erp("allstores"), delivery).collect().asList().await().atMost(WAIT))
                .containsExactly(shirt, plain);
    }
}
