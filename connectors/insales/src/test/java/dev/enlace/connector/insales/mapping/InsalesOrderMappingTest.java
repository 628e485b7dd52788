package dev.enlace.connector.insales.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.insales.client.InsalesOrder;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.connectors.OrderChange;
import dev.enlace.platform.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OR1, DO6: an inSales order (the shape of insales.md §6) as an OrderSnapshot. */
class InsalesOrderMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantSettings.CheckoutLabels LABELS = TenantSettings.CheckoutLabels.DEFAULTS;

    private static InsalesOrder order(String financial, String fulfillment, String payment, String fields) throws Exception {
        return JSON.readValue("""
                {"id":36289,"number":2900,"fulfillment_status":"%s","financial_status":"%s",
                 "custom_status":{"permalink":"sobran","title":"Собран"},"currency_code":"RUR",
                 "items_price":"1782.0","delivery_price":"300.0","full_delivery_price":"300.0","total_price":"2082.0",
                 "payment_title":"%s","delivery_title":"Курьер",
                 "client":{"id":36784,"type":"Client::Individual","name":"Игорь","surname":"Слесарев",
                   "email":"igor@yandex.ru","phone":"+79033215465"},
                 "shipping_address":{"name":"Слесарев Игорь","phone":"+7 903 321-54-76","city":"Москва",
                   "address":"Рязанский проспект 12","zip":"109428","country":"RU"},
                 "fields_values":[%s],
                 "order_lines":[{"id":94519,"product_id":182183,"variant_id":1199651,"sku":"DHB12DC5QEN","title":"Ежедневник",
                   "quantity":2,"sale_price":"990.0","full_sale_price":"891.0","total_price":"1980.0",
                   "full_total_price":"1782.0","discounts_amount":"198.0","vat":20}],
                 "created_at":"2010-08-16T14:14:50.000+04:00","updated_at":"2010-08-20T15:25:02.000+04:00"}
                """.formatted(fulfillment, financial, payment, fields), InsalesOrder.class);
    }

    @Test
    void paidOrderCarriesLinesWithDiscountAndIncludedVatCustomerAndTotals() throws Exception { // OR1, DO7
        OrderChange change = InsalesOrderMapping.change(order("paid", "approved", "Банковской картой", ""), LABELS);
        assertThat(change.paid()).isTrue();
        assertThat(change.cancelled()).isFalse();
        assertThat(change.shipped()).isFalse();
        OrderSnapshot o = change.order();
        assertThat(o.system()).isEqualTo("insales");
        assertThat(o.orderId()).isEqualTo("36289");
        assertThat(o.status()).isEqualTo("paid");
        assertThat(o.shipmentStatus()).isEqualTo("approved");
        assertThat(o.currency()).isEqualTo("RUB");
        OrderLine line = o.lines().get(0);
        assertThat(line.sku()).isEqualTo("DHB12DC5QEN");
        assertThat(line.productId()).isEqualTo("182183");
        assertThat(line.variantId()).isEqualTo("1199651");
        assertThat(line.quantity()).isEqualByComparingTo("2");
        assertThat(line.unitPrice().amount()).isEqualByComparingTo("990");
        assertThat(line.discount().amount()).isEqualByComparingTo("198");
        assertThat(line.taxRate()).isEqualByComparingTo("20");
        assertThat(line.taxIncluded()).isTrue();
        assertThat(o.subtotal().amount()).isEqualByComparingTo("1980");
        assertThat(o.discount().amount()).isEqualByComparingTo("198");
        assertThat(o.shipping().amount()).isEqualByComparingTo("300");
        assertThat(o.total().amount()).isEqualByComparingTo("2082");
        assertThat(o.tax().amount()).isEqualByComparingTo("297.00"); // 1782 × 20/120
        assertThat(o.customer().customerId()).isEqualTo("36784");
        assertThat(o.customer().email()).isEqualTo("igor@yandex.ru");
        assertThat(o.customer().lastName()).isEqualTo("Слесарев");
        assertThat(o.shippingAddress().city()).isEqualTo("Москва");
        assertThat(o.shippingAddress().street()).isEqualTo("Рязанский проспект 12");
        assertThat(o.paymentMethod()).isEqualTo("Банковской картой");
        assertThat(o.cashOnDelivery()).isFalse();
        assertThat(o.billing()).isEqualTo(BillingChoice.receipt());
        assertThat(o.createdAt().toInstant()).isEqualTo(java.time.Instant.parse("2010-08-16T10:14:50Z"));
    }

    @Test
    void declinedIsCancelledAndDispatchedOrDeliveredIsShipped() throws Exception { // OR1
        assertThat(InsalesOrderMapping.change(order("pending", "declined", "", ""), LABELS).cancelled()).isTrue();
        assertThat(InsalesOrderMapping.change(order("paid", "dispatched", "", ""), LABELS).shipped()).isTrue();
        assertThat(InsalesOrderMapping.change(order("paid", "delivered", "", ""), LABELS).shipped()).isTrue();
        assertThat(InsalesOrderMapping.change(order("pending", "new", "", ""), LABELS).paid()).isFalse();
    }

    @Test
    void cashOnDeliveryIsReadFromThePaymentMethodsName() throws Exception { // OR1
        assertThat(InsalesOrderMapping.change(order("pending", "new", "Наложенный платёж", ""), LABELS).order()
                .cashOnDelivery()).isTrue();
        assertThat(InsalesOrderMapping.change(order("pending", "new", "Оплата при получении", ""), LABELS).order()
                .cashOnDelivery()).isTrue();
        assertThat(InsalesOrderMapping.change(order("pending", "new", "Pago contra entrega", ""), LABELS).order()
                .cashOnDelivery()).isTrue();
    }

    @Test
    void facturaAskedForInCheckoutFieldsCarriesTheCompanyData() throws Exception { // DO6
        String fields = """
                {"id":1,"field_id":1,"name":"Documento","value":"Factura electrónica"},
                {"id":2,"field_id":2,"name":"RUT","value":"76.123.456-k"},
                {"id":3,"field_id":3,"name":"Razon social","value":"Comercial Ejemplo SpA"},
                {"id":4,"field_id":4,"name":"Giro","value":"Venta al por menor"}""";
        OrderSnapshot o = InsalesOrderMapping.change(order("paid", "new", "", fields), LABELS).order();
        assertThat(o.billing()).isEqualTo(new BillingChoice(DocumentKind.INVOICE, "76123456-K", "Comercial Ejemplo SpA",
                "Venta al por menor"));
        assertThat(o.customer().taxId()).isEqualTo("76123456-K");
    }
}
