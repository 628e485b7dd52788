package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.Framework360Guesses;
import dev.enlace.connector.framework360.client.Framework360Clients;
import dev.enlace.connector.framework360.client.Fw360Order;
import dev.enlace.events.Address;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.CustomerSnapshot;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.connectors.OrderChange;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A Framework360 order as Enlace's {@link OrderSnapshot} (OR1). Pure. Statuses are defined by each site, so the
 * milestones are read from the status name (Framework360Guesses); cash on delivery is the {@code Contrassegno}
 * payment method. An order with a partita IVA asks for an invoice (fattura), otherwise a receipt.
 */
public final class Framework360OrderMapping {
    private Framework360OrderMapping() {
    }

    public static OrderChange change(Fw360Order order) {
        String status = order.statusName();
        boolean cancelled = Framework360Guesses.named(status, Framework360Guesses.CANCELLED_NAMES);
        boolean shipped = !cancelled && Framework360Guesses.named(status, Framework360Guesses.SHIPPED_NAMES);
        boolean paid = !cancelled && (shipped || Framework360Guesses.named(status, Framework360Guesses.PAID_NAMES));
        return new OrderChange(snapshot(order), paid, cancelled, shipped);
    }

    public static OrderSnapshot snapshot(Fw360Order o) {
        String currency = o.currency() == null ? Framework360Guesses.CURRENCY : o.currency();
        List<OrderLine> lines = o.cart() == null ? List.of() : o.cart().stream().map(i -> new OrderLine(blank(i.sku()),
                blank(i.productId()), blank(i.variantId()), i.nome(), i.quantita() == null ? BigDecimal.ZERO : i.quantita(),
                money(i.prezzo(), currency), money(i.sconto(), currency), i.iva(), Framework360Guesses.PRICES_INCLUDE_TAX)).toList();
        Fw360Order.Party billing = o.billingData();
        String vat = billing == null ? null : blank(billing.piva());
        BillingChoice choice = vat == null ? BillingChoice.receipt()
                : new BillingChoice(DocumentKind.INVOICE, vat, blank(billing.ragioneSociale()), null);
        CustomerSnapshot customer = new CustomerSnapshot(Framework360Clients.SYSTEM, blank(o.customerId()), blank(o.userEmail()),
                billing == null ? null : blank(billing.telefono()), billing == null ? null : blank(billing.nome()),
                billing == null ? null : blank(billing.cognome()), vat != null ? vat : billing == null ? null : blank(billing.cf()),
                billing == null ? null : blank(billing.ragioneSociale()), null,
                Stream.of(address(billing)).filter(Objects::nonNull).toList());
        return new OrderSnapshot(Framework360Clients.SYSTEM, o.id(), status(o), null, currency, lines, customer,
                address(o.shippingData()), choice, o.payment() == null ? null : o.payment().nome(), cashOnDelivery(o),
                money(o.subtotal(), currency), money(o.shippingCost(), currency), money(o.discount(), currency),
                money(o.tax(), currency), money(o.total(), currency), date(o.createdAt()));
    }

    static boolean cashOnDelivery(Fw360Order o) {
        return o.payment() != null && (Boolean.TRUE.equals(o.payment().contrassegno())
                || Framework360Guesses.named(o.payment().nome(), Framework360Guesses.CASH_ON_DELIVERY_NAMES));
    }

    /** The status name the site shows; its id when it has no name. */
    private static String status(Fw360Order o) {
        return o.statusName() != null ? o.statusName() : o.status() == null ? null : String.valueOf(o.status());
    }

    static Address address(Fw360Order.Party p) {
        if (p == null) {
            return null;
        }
        String name = Stream.of(p.nome(), p.cognome()).map(Framework360OrderMapping::blank).filter(Objects::nonNull)
                .reduce((a, b) -> a + " " + b).orElse(null);
        return new Address(name, blank(p.indirizzo()), blank(p.citta()), blank(p.comune()), blank(p.provincia()),
                blank(p.cap()), blank(p.stato()));
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount == null ? BigDecimal.ZERO : amount, currency);
    }

    /** Local Italian time, {@code yyyy-MM-dd HH:mm:ss} (a guess). */
    static OffsetDateTime date(String value) {
        try {
            return value == null ? null : LocalDateTime.parse(value, Framework360Guesses.DATE_FORMAT).atZone(Framework360Guesses.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
