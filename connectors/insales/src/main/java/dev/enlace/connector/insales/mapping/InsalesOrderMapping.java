package dev.enlace.connector.insales.mapping;

import dev.enlace.connector.insales.client.InsalesClients;
import dev.enlace.connector.insales.client.InsalesOrder;
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
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An inSales order as Enlace's {@link OrderSnapshot} (OR1, DO6). Pure. The order's state is two system
 * fields: {@code financial_status} (pending, paid) and {@code fulfillment_status} (new ... dispatched,
 * delivered, returned, declined); custom statuses only refine the latter and are not read here.
 * The connector README's "Guesses" lists what insales.md does not say.
 */
public final class InsalesOrderMapping {
    private static final Set<String> SHIPPED = Set.of("dispatched", "delivered");
    private static final String DECLINED = "declined";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Guess: checkout fields carrying the buyer's tax id (the Chilean "RUT" field; a Russian shop's "ИНН"). */
    private static final List<String> TAX_ID_LABELS = List.of("RUT", "ИНН", "INN");
    /** Guess: payment methods whose name says the buyer pays on delivery. */
    private static final List<String> CASH_ON_DELIVERY = List.of("наложенн", "при_получении", "курьеру",
            "cash_on_delivery", "contra_entrega", "contraentrega");

    private InsalesOrderMapping() {
    }

    public static OrderChange change(InsalesOrder order, TenantSettings.CheckoutLabels labels) {
        return new OrderChange(snapshot(order, labels), "paid".equals(order.financialStatus()),
                DECLINED.equals(order.fulfillmentStatus()),
                order.fulfillmentStatus() != null && SHIPPED.contains(order.fulfillmentStatus()));
    }

    public static OrderSnapshot snapshot(InsalesOrder o, TenantSettings.CheckoutLabels labels) {
        String currency = currency(o.currencyCode());
        List<InsalesOrder.Line> source = o.orderLines() == null ? List.of() : o.orderLines();
        List<OrderLine> lines = source.stream().map(l -> line(l, currency)).toList();
        BigDecimal subtotal = sum(source, l -> or(l.totalPrice(), l.fullTotalPrice()));
        BigDecimal discount = sum(source, InsalesOrderMapping::discount);
        BigDecimal shipping = or(o.fullDeliveryPrice(), o.deliveryPrice());
        // inSales prices include VAT: the order's tax is what each line holds at its rate
        BigDecimal tax = sum(source, l -> {
            BigDecimal rate = rate(l);
            BigDecimal paid = or(l.fullTotalPrice(), l.totalPrice());
            return rate.signum() == 0 ? BigDecimal.ZERO
                    : paid.multiply(rate).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP);
        });
        return new OrderSnapshot(InsalesClients.SYSTEM, String.valueOf(o.id()), o.financialStatus(), o.fulfillmentStatus(),
                currency, lines, customer(o, labels), address(o.shippingAddress()), billing(o, labels), o.paymentTitle(),
                cashOnDelivery(o), new Money(subtotal, currency), new Money(shipping, currency),
                new Money(discount, currency), new Money(tax, currency),
                new Money(o.totalPrice() == null ? subtotal.subtract(discount).add(shipping) : o.totalPrice(), currency),
                date(o.createdAt()));
    }

    static OrderLine line(InsalesOrder.Line l, String currency) {
        return new OrderLine(blankToNull(l.sku()), l.productId() == null ? null : String.valueOf(l.productId()),
                l.variantId() == null ? null : String.valueOf(l.variantId()), l.title(),
                l.quantity() == null ? BigDecimal.ZERO : l.quantity(), new Money(or(l.salePrice(), BigDecimal.ZERO), currency),
                new Money(discount(l), currency), rate(l), true);
    }

    /** The line's share of the discounts; older payloads lack {@code discounts_amount} but have both totals. */
    static BigDecimal discount(InsalesOrder.Line l) {
        if (l.discountsAmount() != null) {
            return l.discountsAmount();
        }
        return l.totalPrice() != null && l.fullTotalPrice() != null
                ? l.totalPrice().subtract(l.fullTotalPrice()).max(BigDecimal.ZERO) : BigDecimal.ZERO;
    }

    /** {@code vat} -1 (none set) or absent: no VAT. */
    static BigDecimal rate(InsalesOrder.Line l) {
        return l.vat() == null || l.vat() < 0 ? BigDecimal.ZERO : BigDecimal.valueOf(l.vat());
    }

    /** inSales still writes the pre-1998 rouble code RUR; events carry ISO 4217. */
    static String currency(String code) {
        return code == null ? null : code.equals("RUR") ? "RUB" : code;
    }

    static CustomerSnapshot customer(InsalesOrder o, TenantSettings.CheckoutLabels labels) {
        InsalesOrder.Client c = o.client();
        Address shipping = address(o.shippingAddress());
        return new CustomerSnapshot(InsalesClients.SYSTEM, c == null || c.id() == null ? null : String.valueOf(c.id()),
                c == null ? null : blankToNull(c.email()), c == null ? null : blankToNull(c.phone()),
                c == null ? null : blankToNull(c.name()), c == null ? null : blankToNull(c.surname()),
                taxId(o), field(o, labels.companyName()).orElse(null), field(o, labels.activity()).orElse(null),
                Stream.of(shipping).filter(Objects::nonNull).toList());
    }

    /** DO6: the document asked for in the document field; without one, a receipt. */
    static BillingChoice billing(InsalesOrder o, TenantSettings.CheckoutLabels labels) {
        DocumentKind kind = field(o, labels.documentKind()).map(CheckoutFields::documentKind).orElse(DocumentKind.RECEIPT);
        if (kind != DocumentKind.INVOICE) {
            return new BillingChoice(kind, null, null, null);
        }
        return new BillingChoice(kind, taxId(o), field(o, labels.companyName()).orElse(null),
                field(o, labels.activity()).orElse(null));
    }

    private static String taxId(InsalesOrder o) {
        return TAX_ID_LABELS.stream().map(label -> field(o, label)).flatMap(Optional::stream)
                .map(v -> v.replaceAll("[.\\s]", "").toUpperCase(java.util.Locale.ROOT)).findFirst().orElse(null);
    }

    static boolean cashOnDelivery(InsalesOrder o) {
        String payment = CheckoutFields.normalise(o.paymentTitle());
        return !payment.isEmpty() && CASH_ON_DELIVERY.stream().anyMatch(payment::contains);
    }

    static Optional<String> field(InsalesOrder o, String label) {
        if (o.fieldsValues() == null) {
            return Optional.empty();
        }
        return o.fieldsValues().stream().filter(f -> CheckoutFields.sameLabel(f.name(), label))
                .map(f -> blankToNull(f.value())).filter(Objects::nonNull).findFirst();
    }

    static Address address(InsalesOrder.ShippingAddress a) {
        if (a == null) {
            return null;
        }
        return new Address(blankToNull(a.name()), blankToNull(a.address()), blankToNull(a.city()), null,
                blankToNull(a.state()), blankToNull(a.zip()), blankToNull(a.country()));
    }

    /** ISO 8601 with offset and milliseconds: {@code 2023-11-22T14:24:30.000+03:00}. */
    static OffsetDateTime date(String value) {
        try {
            return value == null || value.isBlank() ? null : OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal sum(List<InsalesOrder.Line> lines, Function<InsalesOrder.Line, BigDecimal> amount) {
        return lines.stream().map(amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal or(BigDecimal value, BigDecimal fallback) {
        return value != null ? value : fallback == null ? BigDecimal.ZERO : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
