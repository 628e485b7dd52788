package dev.enlace.connector.jumpseller.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.connector.jumpseller.client.JumpsellerOrder;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.connectors.OrderChange;
import dev.enlace.platform.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** OR1, DO6: Jumpseller orders, as jumpseller.md shows them, mapped to OrderSnapshot. */
class JumpsellerOrderMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code order_paid} sample of jumpseller.md §6, verbatim. */
    private static final String PAID_SAMPLE = """
            {"order": {"id": 1026, "created_at": "2023-02-10 13:56:35 UTC", "status": "Paid",
              "status_enum": "paid", "currency": "CLP", "subtotal": 23980.0, "tax": 0, "shipping": 3990.0,
              "discount": 0, "total": 27970.0, "shipping_required": true, "payment_method_name": "Webpay",
              "customer": {"id": 123, "email": "ana@example.cl", "phone": "+56911111111", "fullname": "Ana Pérez"},
              "billing_address": {"name": "Ana", "surname": "Pérez", "taxid": "12.345.678-5",
                "address": "Av. Italia", "street_number": 1234, "city": "Santiago",
                "municipality": "Providencia", "region": "Metropolitana", "country_code": "CL"},
              "shipping_address": {"name": "Ana", "surname": "Pérez", "address": "Av. Italia",
                "city": "Santiago", "municipality": "Providencia", "country_code": "CL"},
              "products": [{"id": 1001, "variant_id": 81899012, "sku": "POL-001-M", "name": "Polera M",
                "qty": 2, "price": 11990.0, "tax": 0, "discount": 0, "weight": 0.3,
                "taxes": [{"id": 1, "name": "IVA", "rate": 19.0, "fixed": false, "tax_on_product_price": true}],
                "stock_locations": [{"location_id": 1, "stock": 5}]}],
              "additional_fields": [{"label": "Documento", "value": "Boleta"}]}}
            """;

    /** A factura: the custom fields of §4 (Documento, Razón Social, Giro), a dotted RUT, a discounted line. */
    private static final String FACTURA = """
            {"order": {"id": 5001, "created_at": "2024-03-01 12:00:00 UTC", "status": "Pendiente de Pago",
              "status_enum": "pending_payment", "shipment_status": "No Procesado", "shipment_status_enum": "unfulfilled",
              "currency": "CLP", "subtotal": 399.0, "tax": 0, "shipping": 50.0, "discount": 79.8, "total": 369.2,
              "payment_method_name": "Transferencia", "payment_method_type": "transferencia",
              "customer": {"id": "77", "email": "compras@ejemplo.cl", "fullname": "Comercial Ejemplo"},
              "billing_address": {"name": "Juan", "surname": "Soto", "taxid": "76.123.456-k", "address": "Huérfanos",
                "street_number": "1160", "complement": "Of. 5", "city": "Santiago", "postal": "8320000",
                "municipality": "Santiago", "region": "Metropolitana", "country_code": "CL"},
              "billing_information": {"business_activity": null, "company_name": "", "taxpayer_type": null},
              "products": [{"id": 42, "variant_id": null, "sku": "TAZA-1", "name": "Taza", "qty": 3, "price": 133.0,
                "tax": 0, "discount": 79.8,
                "taxes": [{"id": 1, "name": "IVA", "rate": 19.0, "fixed": false, "tax_on_product_price": false}]}],
              "additional_fields": [
                {"id": 901, "label": "Documento", "value": "Factura", "area": "other"},
                {"id": 902, "label": "Razón Social", "value": "Comercial Ejemplo SpA", "area": "other"},
                {"id": 903, "label": "Giro", "value": "Venta al por menor", "area": "other"}]}}
            """;

    private static OrderChange change(JumpsellerOrder order) {
        return JumpsellerOrderMapping.change(order, TenantSettings.CheckoutLabels.DEFAULTS);
    }

    private static JumpsellerOrder order(String json) throws Exception {
        return JSON.readValue(json, JumpsellerOrder.Wrapped.class).order();
    }

    @Test
    void paidSampleMapsLinesCustomerAddressAndTotalsExactly() throws Exception {
        OrderChange change = change(order(PAID_SAMPLE));
        OrderSnapshot o = change.order();

        assertThat(change.paid()).isTrue();
        assertThat(change.cancelled()).isFalse();
        assertThat(change.shipped()).isFalse();
        assertThat(o.system()).isEqualTo("jumpseller");
        assertThat(o.orderId()).isEqualTo("1026");
        assertThat(o.status()).isEqualTo("paid");
        assertThat(o.currency()).isEqualTo("CLP");
        assertThat(o.createdAt()).isEqualTo(OffsetDateTime.of(2023, 2, 10, 13, 56, 35, 0, ZoneOffset.UTC));
        assertThat(o.subtotal().amount()).isEqualByComparingTo("23980");
        assertThat(o.shipping().amount()).isEqualByComparingTo("3990");
        assertThat(o.discount().amount()).isEqualByComparingTo("0");
        assertThat(o.tax().amount()).isEqualByComparingTo("0");
        assertThat(o.total().amount()).isEqualByComparingTo("27970");
        assertThat(o.total().currency()).isEqualTo("CLP");
        assertThat(o.paymentMethod()).isEqualTo("Webpay");
        assertThat(o.cashOnDelivery()).isFalse();

        assertThat(o.lines()).hasSize(1);
        OrderLine line = o.lines().get(0);
        assertThat(line.sku()).isEqualTo("POL-001-M");
        assertThat(line.productId()).isEqualTo("1001");
        assertThat(line.variantId()).isEqualTo("81899012");
        assertThat(line.name()).isEqualTo("Polera M");
        assertThat(line.quantity()).isEqualByComparingTo("2");
        assertThat(line.unitPrice().amount()).isEqualByComparingTo("11990");
        assertThat(line.discount().amount()).isEqualByComparingTo("0");
        assertThat(line.taxRate()).isEqualByComparingTo("19");
        assertThat(line.taxIncluded()).isTrue();

        assertThat(o.customer().customerId()).isEqualTo("123");
        assertThat(o.customer().email()).isEqualTo("ana@example.cl");
        assertThat(o.customer().firstName()).isEqualTo("Ana");
        assertThat(o.customer().lastName()).isEqualTo("Pérez");
        assertThat(o.customer().taxId()).isEqualTo("12345678-5");
        assertThat(o.shippingAddress().name()).isEqualTo("Ana Pérez");
        assertThat(o.shippingAddress().street()).isEqualTo("Av. Italia");
        assertThat(o.shippingAddress().municipality()).isEqualTo("Providencia");
        assertThat(o.shippingAddress().countryCode()).isEqualTo("CL");
    }

    @Test
    void boletaAskedForIsAReceiptWithoutCompanyData() throws Exception { // DO6
        BillingChoice billing = change(order(PAID_SAMPLE)).order().billing();
        assertThat(billing).isEqualTo(BillingChoice.receipt());
    }

    @Test
    void orderWithNoCheckoutFieldsIsAReceipt() throws Exception { // DO6
        String bare = """
                {"order": {"id": 7, "status_enum": "paid", "currency": "CLP", "total": 1000.0, "products": []}}
                """;
        OrderSnapshot o = change(order(bare)).order();
        assertThat(o.billing()).isEqualTo(BillingChoice.receipt());
        assertThat(o.customer().taxId()).isNull();
        assertThat(o.shippingAddress()).isNull();
        assertThat(o.discount().amount()).isEqualByComparingTo("0");
    }

    @Test
    void facturaCarriesNormalisedRutRazonSocialAndGiroFromCustomFields() throws Exception { // DO6
        OrderSnapshot o = change(order(FACTURA)).order();
        assertThat(o.billing()).isEqualTo(new BillingChoice(DocumentKind.INVOICE, "76123456-K",
                "Comercial Ejemplo SpA", "Venta al por menor"));
        assertThat(o.customer().companyName()).isEqualTo("Comercial Ejemplo SpA");
        assertThat(o.customer().activity()).isEqualTo("Venta al por menor");
        assertThat(o.customer().customerId()).isEqualTo("77");
        assertThat(o.customer().addresses()).singleElement()
                .satisfies(a -> assertThat(a.street()).isEqualTo("Huérfanos 1160 Of. 5"));
    }

    @Test
    void billingInformationWinsOverCustomFields() throws Exception { // DO6
        String json = FACTURA.replace("\"business_activity\": null, \"company_name\": \"\"",
                "\"business_activity\": \"Asesorías\", \"company_name\": \"Otra Empresa Ltda\"");
        BillingChoice billing = change(order(json)).order().billing();
        assertThat(billing.companyName()).isEqualTo("Otra Empresa Ltda");
        assertThat(billing.activity()).isEqualTo("Asesorías");
    }

    @Test
    void lineDiscountAndTaxOnTopAreKeptExactly() throws Exception { // DO7
        OrderSnapshot o = change(order(FACTURA)).order();
        OrderLine line = o.lines().get(0);
        assertThat(line.variantId()).isNull();
        assertThat(line.discount().amount()).isEqualTo(new BigDecimal("79.8"));
        assertThat(line.taxIncluded()).isFalse();
        assertThat(o.total().amount()).isEqualTo(new BigDecimal("369.2"));
        assertThat(o.subtotal().amount().add(o.shipping().amount()).subtract(o.discount().amount()))
                .isEqualByComparingTo(o.total().amount());
    }

    @Test
    void statusComesFromTheEnumsNotTheTranslatedLabels() throws Exception {
        OrderChange change = change(order(FACTURA));
        assertThat(change.order().status()).isEqualTo("pending_payment");
        assertThat(change.order().shipmentStatus()).isEqualTo("unfulfilled");
        assertThat(change.paid()).isFalse();
    }

    @Test
    void cancelledAndShippedFollowTheEnums() throws Exception {
        String cancelled = PAID_SAMPLE.replace("\"status_enum\": \"paid\"", "\"status_enum\": \"canceled\"");
        assertThat(change(order(cancelled)).cancelled()).isTrue();
        String shipped = PAID_SAMPLE.replace("\"status_enum\": \"paid\"",
                "\"status_enum\": \"paid\", \"shipment_status_enum\": \"in_transit\"");
        assertThat(change(order(shipped)).shipped()).isTrue();
        String requested = PAID_SAMPLE.replace("\"status_enum\": \"paid\"",
                "\"status_enum\": \"paid\", \"shipment_status_enum\": \"requested\"");
        assertThat(change(order(requested)).shipped()).isFalse();
    }

    @Test
    void cashOnDeliveryIsRecognisedFromThePaymentMethod() throws Exception { // OR1
        String cod = FACTURA.replace("\"payment_method_name\": \"Transferencia\", \"payment_method_type\": \"transferencia\"",
                "\"payment_method_name\": \"Pago Contra Entrega\", \"payment_method_type\": \"pago_contra_entrega\"");
        assertThat(change(order(cod)).order().cashOnDelivery()).isTrue();
        assertThat(change(order(FACTURA)).order().cashOnDelivery()).isFalse();
    }

    @Test
    void checkoutFieldLabelsComeFromTheTenantSettings() throws Exception { // DO6
        String json = FACTURA.replace("\"Documento\"", "\"Tipo de documento\"").replace("\"Giro\"", "\"Actividad\"");
        assertThat(change(order(json)).order().billing().documentKind()).isEqualTo(DocumentKind.RECEIPT);
        BillingChoice billing = JumpsellerOrderMapping.change(order(json),
                new TenantSettings.CheckoutLabels("tipo de documento", null, "Actividad")).order().billing();
        assertThat(billing).isEqualTo(new BillingChoice(DocumentKind.INVOICE, "76123456-K",
                "Comercial Ejemplo SpA", "Venta al por menor"));
    }

    @Test
    void rutIsNormalisedToDigitsHyphenCheckDigit() {
        assertThat(JumpsellerOrderMapping.normaliseRut("12.345.678-5")).isEqualTo("12345678-5");
        assertThat(JumpsellerOrderMapping.normaliseRut(" 123456785 ")).isEqualTo("12345678-5");
        assertThat(JumpsellerOrderMapping.normaliseRut("7.654.321-k")).isEqualTo("7654321-K");
        assertThat(JumpsellerOrderMapping.normaliseRut("")).isNull();
    }
}
