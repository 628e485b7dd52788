package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.NewDte;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.DocumentRequest;
import dev.enlace.platform.connectors.IssuedDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an order becomes a {@code POST /dtes} body (DO1, DO2, DO3, DO4, DO6, DO7). */
class RelbaseDocumentsMappingTest {

    private static OrderLine line(String sku, String qty, String price, String discount, boolean taxIncluded) {
        return new OrderLine(sku, null, null, sku, new BigDecimal(qty), Money.of(price, "CLP"), Money.of(discount, "CLP"),
                BigDecimal.valueOf(19), taxIncluded);
    }

    private static OrderSnapshot order(BillingChoice billing, Money shipping, OrderLine... lines) {
        return new OrderSnapshot("jumpseller", "1042", "paid", null, "CLP", List.of(lines), null, null, billing, null,
                false, null, shipping, null, null, null, null);
    }

    private static DocumentRequest request(OrderSnapshot order, String type, Map<String, String> settings) {
        return new DocumentRequest("acme", order.orderId(), DocumentPurpose.SALE, type, order, settings, null);
    }

    @Test
    void theTenantsDocumentTypeWinsOverTheBuyersChoice() {
        OrderSnapshot invoice = order(new BillingChoice(DocumentKind.INVOICE, "76123456-0", "Sur SpA", "Comercio"), null);
        assertThat(RelbaseDocuments.documentType(request(invoice, "1001", Map.of()))).isEqualTo(1001);
        assertThat(RelbaseDocuments.documentType(request(invoice, null, Map.of()))).isEqualTo(33);
        assertThat(RelbaseDocuments.documentType(request(order(null, null), null, Map.of()))).isEqualTo(39);
        assertThat(RelbaseDocuments.documentType(request(order(new BillingChoice(DocumentKind.SALES_NOTE, null, null, null), null),
                null, Map.of()))).isEqualTo(1001);
        assertThatThrownBy(() -> RelbaseDocuments.documentType(request(invoice, "boleta", Map.of())))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void grossStorePricesAreSentAsWholePesosWithMntBruto() {
        OrderSnapshot o = order(null, null, line("A", "2", "1990", "0", true));
        NewDte body = RelbaseDocuments.body(request(o, null, Map.of("office", "7", "paymentType", "8", "channel", "9")), 39,
                Map.of("A", 55L), null, LocalDate.of(2026, 11, 24));
        assertThat(body.mntBruto()).isTrue();
        assertThat(body.products().get(0).price()).isEqualByComparingTo("1990");
        assertThat(body.products().get(0).productId()).isEqualTo(55L);
        assertThat(body.wareHouseId()).isEqualTo(7L);
        assertThat(body.typePaymentId()).isEqualTo(8L);
        assertThat(body.channelId()).isEqualTo(9L);
        assertThat(body.labelValue()).isEqualTo("Pedido #1042");
        assertThat(body.startDate()).isEqualTo(body.endDate());
    }

    @Test
    void aNetLineInAGrossOrderIsConvertedAtItsTaxRate() {
        OrderSnapshot o = order(null, null, line("A", "1", "1000", "0", false));
        NewDte body = RelbaseDocuments.body(request(o, null, Map.of()), 39, Map.of("A", 1L), null, LocalDate.now());
        assertThat(body.mntBruto()).isFalse();
        assertThat(body.products().get(0).price()).isEqualByComparingTo("1000");
        assertThat(RelbaseDocuments.price(line("A", "1", "1000", "0", false), true)).isEqualByComparingTo("1190");
        assertThat(RelbaseDocuments.price(line("A", "1", "1190", "0", true), false)).isEqualByComparingTo("1000");
    }

    @Test
    void lineDiscountsBecomeAPercentageOfTheLine() {
        // DO7: 500 off a 2 x 2500 line is 10 %
        assertThat(RelbaseDocuments.discountPercent(line("A", "2", "2500", "500", true))).isEqualByComparingTo("10");
        assertThat(RelbaseDocuments.discountPercent(line("A", "2", "2500", "0", true))).isNull();
    }

    @Test
    void shippingIsBilledOnlyOnTheConfiguredProduct() {
        OrderSnapshot o = order(null, Money.of("3990", "CLP"), line("A", "1", "1000", "0", true));
        assertThat(RelbaseDocuments.body(request(o, null, Map.of()), 39, Map.of("A", 1L), null, LocalDate.now()).products())
                .hasSize(1);
        NewDte withShipping = RelbaseDocuments.body(request(o, null, Map.of("shippingProductId", "99")), 39, Map.of("A", 1L),
                null, LocalDate.now());
        assertThat(withShipping.products()).hasSize(2);
        assertThat(withShipping.products().get(1).productId()).isEqualTo(99L);
        assertThat(withShipping.products().get(1).price()).isEqualByComparingTo("3990");
    }

    @Test
    void aNotaDeVentaForAnInvoiceBuyerCarriesSiiType33() {
        OrderSnapshot o = order(new BillingChoice(DocumentKind.INVOICE, "76123456-0", "Sur SpA", "Comercio"), null,
                line("A", "1", "1000", "0", true));
        assertThat(RelbaseDocuments.body(request(o, "1001", Map.of()), 1001, Map.of("A", 1L), 5L, LocalDate.now())
                .typeDocumentSii()).isEqualTo(33);
    }

    private static DocumentRequest afterSale(DocumentPurpose purpose, OrderSnapshot o) {
        IssuedDocument boleta = new IssuedDocument("2001", "39", "17", null, null, null, null,
                OffsetDateTime.parse("2026-11-20T23:30:00-03:00"), Map.of());
        return new DocumentRequest("acme", o.orderId(), purpose, null, o, Map.of(), boleta);
    }

    @Test
    void creditNoteAnnulsTheSaleWithItsLinesAndDiscounts() { // DO3, DO7
        OrderSnapshot o = order(null, null, line("A", "2", "1000", "200", true));
        DocumentRequest credit = afterSale(DocumentPurpose.CREDIT_NOTE, o);
        NewDte body = RelbaseDocuments.body(credit, RelbaseDocuments.documentType(credit), Map.of("A", 1L), null,
                LocalDate.parse("2026-11-24"));
        assertThat(body.typeDocument()).isEqualTo(61);
        assertThat(body.products()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("2");
            assertThat(l.discount()).isEqualByComparingTo("10");
        });
        // the boleta's date in Chile, and SII CodRef 1 (anula)
        assertThat(body.references()).containsExactly(
                new NewDte.Reference(39, 17, LocalDate.parse("2026-11-20"), 1, "Anula documento"));
        assertThat(body.typeTransfer()).isNull();
        assertThat(body.labelValue()).isEqualTo("Pedido #1042");
    }

    @Test
    void guiaNamesTheSaleAndIsATransferBySale() { // DO4
        OrderSnapshot o = order(null, null, line("A", "1", "1000", "0", true));
        DocumentRequest guia = afterSale(DocumentPurpose.DISPATCH_GUIDE, o);
        NewDte body = RelbaseDocuments.body(guia, RelbaseDocuments.documentType(guia), Map.of("A", 1L), null,
                LocalDate.parse("2026-11-24"));
        assertThat(body.typeDocument()).isEqualTo(52);
        assertThat(body.references()).containsExactly(new NewDte.Reference(39, 17, LocalDate.parse("2026-11-20"), null, null));
        assertThat(body.typeTransfer()).isEqualTo(1);
    }

    @Test
    void aCreditNoteWithoutTheSaleDocumentIsRefused() { // DO3
        OrderSnapshot o = order(null, null, line("A", "1", "1000", "0", true));
        DocumentRequest credit = new DocumentRequest("acme", "1042", DocumentPurpose.CREDIT_NOTE, "61", o, Map.of(), null);
        assertThatThrownBy(() -> new RelbaseDocuments(null).find(null, credit).await().indefinitely())
                .isInstanceOf(ApiException.class);
    }
}
