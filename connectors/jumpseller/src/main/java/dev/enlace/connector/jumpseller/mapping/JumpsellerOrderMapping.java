package dev.enlace.connector.jumpseller.mapping;

import dev.enlace.connector.jumpseller.client.JumpsellerClients;
import dev.enlace.connector.jumpseller.client.JumpsellerOrder;
import dev.enlace.events.Address;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.CustomerSnapshot;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.connectors.CheckoutFields;
import dev.enlace.platform.connectors.OrderChange;
import dev.enlace.platform.tenant.TenantSettings;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Jumpseller order as Enlace's {@link OrderSnapshot} (OR1, DO6). Pure: the same order always maps to the
 * same snapshot. Logic reads {@code status_enum} / {@code shipment_status_enum} only, never the labels,
 * which are translated to the store's language.
 */
public final class JumpsellerOrderMapping {
    private static final Set<String> SHIPPED = Set.of("in_transit", "delivered");
    private static final Pattern RUT = Pattern.compile("(\\d{1,9})([0-9K])");

    private JumpsellerOrderMapping() {
    }

    /** @param labels DO6: the checkout custom fields to read when the order has no native data */
    public static OrderChange change(JumpsellerOrder order, TenantSettings.CheckoutLabels labels) {
        OrderSnapshot snapshot = snapshot(order, labels);
        return new OrderChange(snapshot, "paid".equals(order.statusEnum()), "canceled".equals(order.statusEnum()),
                order.shipmentStatusEnum() != null && SHIPPED.contains(order.shipmentStatusEnum()));
    }

    public static OrderSnapshot snapshot(JumpsellerOrder o, TenantSettings.CheckoutLabels labels) {
        String currency = o.currency();
        List<OrderLine> lines = o.products() == null ? List.of()
                : o.products().stream().map(p -> line(p, currency)).toList();
        return new OrderSnapshot(JumpsellerClients.SYSTEM, o.id(), o.statusEnum(), o.shipmentStatusEnum(), currency,
                lines, customer(o, labels), address(o.shippingAddress()), billing(o, labels), o.paymentMethodName(), cashOnDelivery(o),
                money(o.subtotal(), currency), money(o.shipping(), currency), money(o.discount(), currency),
                money(o.tax(), currency), money(o.total(), currency), date(o.createdAt()));
    }

    static OrderLine line(JumpsellerOrder.Product p, String currency) {
        List<JumpsellerOrder.Tax> taxes = p.taxes() == null ? List.of() : p.taxes();
        // percentage taxes add up (IVA, plus e.g. ILA on drinks); fixed amounts are no rate
        BigDecimal rate = taxes.stream().filter(t -> !Boolean.TRUE.equals(t.fixed()) && t.rate() != null)
                .map(JumpsellerOrder.Tax::rate).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean included = taxes.stream().anyMatch(t -> Boolean.TRUE.equals(t.taxOnProductPrice()));
        return new OrderLine(blankToNull(p.sku()), p.id(), blankToNull(p.variantId()), p.name(),
                p.qty() == null ? BigDecimal.ZERO : p.qty(), money(p.price(), currency), money(p.discount(), currency),
                rate, included);
    }

    static CustomerSnapshot customer(JumpsellerOrder o, TenantSettings.CheckoutLabels labels) {
        JumpsellerOrder.Customer c = o.customer();
        JumpsellerOrder.Address billing = o.billingAddress();
        String first = billing == null ? null : blankToNull(billing.name());
        String last = billing == null ? null : blankToNull(billing.surname());
        if (first == null && c != null && c.fullname() != null && !c.fullname().isBlank()) {
            String[] parts = c.fullname().trim().split("\\s+", 2);
            first = parts[0];
            last = parts.length > 1 ? parts[1] : null;
        }
        BillingData data = billingData(o, labels);
        List<Address> addresses = Stream.of(address(billing)).filter(Objects::nonNull).toList();
        return new CustomerSnapshot(JumpsellerClients.SYSTEM, c == null ? null : blankToNull(c.id()),
                c == null ? null : blankToNull(c.email()), c == null ? null : blankToNull(c.phone()), first, last,
                data.taxId(), data.companyName(), data.activity(), addresses);
    }

    /** DO6: the document asked for in the document field ({@code Documento}); without one, a receipt (boleta). */
    static BillingChoice billing(JumpsellerOrder o, TenantSettings.CheckoutLabels labels) {
        DocumentKind kind = field(o, labels.documentKind()).map(CheckoutFields::documentKind).orElse(DocumentKind.RECEIPT);
        if (kind != DocumentKind.INVOICE) {
            return new BillingChoice(kind, null, null, null);
        }
        BillingData data = billingData(o, labels);
        return new BillingChoice(kind, data.taxId(), data.companyName(), data.activity());
    }

    private record BillingData(String taxId, String companyName, String activity) {
    }

    /** RUT from the billing address; razón social and giro from billing_information, else the custom fields. */
    private static BillingData billingData(JumpsellerOrder o, TenantSettings.CheckoutLabels labels) {
        String taxId = o.billingAddress() == null ? null : normaliseRut(o.billingAddress().taxid());
        JumpsellerOrder.BillingInformation info = o.billingInformation();
        String company = Optional.ofNullable(info).map(i -> blankToNull(i.companyName()))
                .or(() -> field(o, labels.companyName())).orElse(null);
        String activity = Optional.ofNullable(info).map(i -> blankToNull(i.businessActivity()))
                .or(() -> field(o, labels.activity())).orElse(null);
        return new BillingData(taxId, company, activity);
    }

    /** A RUT as {@code 12345678-5}: no dots or spaces, a hyphen before the check digit, a capital K. */
    static String normaliseRut(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String compact = raw.replaceAll("[.\\s-]", "").toUpperCase(Locale.ROOT);
        var m = RUT.matcher(compact);
        // not a RUT (a foreign tax id): passed on as typed, for the ERP to judge
        return m.matches() ? m.group(1).replaceFirst("^0+(?=\\d)", "") + "-" + m.group(2) : raw.trim();
    }

    /** Cash on delivery has no flag in Jumpseller: the payment method's type or name says it. */
    static boolean cashOnDelivery(JumpsellerOrder o) {
        return Stream.of(o.paymentMethodType(), o.paymentMethodName()).filter(Objects::nonNull)
                .map(CheckoutFields::normalise)
                .anyMatch(v -> v.contains("cash_on_delivery") || v.contains("contra_entrega")
                        || v.contains("contraentrega") || v.equals("cod"));
    }

    /** A custom field's answer, labels compared without case and accents ("Razon social" = "Razón Social"). */
    static Optional<String> field(JumpsellerOrder o, String label) {
        if (o.additionalFields() == null) {
            return Optional.empty();
        }
        return o.additionalFields().stream().filter(f -> CheckoutFields.sameLabel(f.label(), label))
                .map(f -> blankToNull(f.value())).filter(Objects::nonNull).findFirst();
    }

    static Address address(JumpsellerOrder.Address a) {
        if (a == null) {
            return null;
        }
        String name = Stream.of(a.name(), a.surname()).map(JumpsellerOrderMapping::blankToNull).filter(Objects::nonNull)
                .reduce((x, y) -> x + " " + y).orElse(null);
        String street = Stream.of(a.address(), a.streetNumber(), a.complement()).map(JumpsellerOrderMapping::blankToNull)
                .filter(Objects::nonNull).reduce((x, y) -> x + " " + y).orElse(null);
        return new Address(name, street, blankToNull(a.city()), blankToNull(a.municipality()), blankToNull(a.region()),
                blankToNull(a.postal()), blankToNull(a.countryCode()));
    }

    static Money money(BigDecimal amount, String currency) {
        return new Money(amount == null ? BigDecimal.ZERO : amount, currency);
    }

    /** {@code 2023-02-10 13:56:35 UTC}, as Jumpseller writes dates; older payloads used ISO 8601. */
    static OffsetDateTime date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.endsWith(" UTC")) {
                return LocalDateTime.parse(v.substring(0, v.length() - 4).replace(' ', 'T')).atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
