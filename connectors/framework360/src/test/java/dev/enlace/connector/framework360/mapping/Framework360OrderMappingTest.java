package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.client.Fw360Order;
import dev.enlace.platform.connectors.OrderChange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OR1 milestones read from a Framework360 order's site-defined status name and payment method. */
class Framework360OrderMappingTest {

    private static Fw360Order order(String statusName, String payment, Boolean contrassegno) {
        return new Fw360Order("7", 1, statusName, "a@b.it", null, null, null,
                List.of(new Fw360Order.CartItem("1", null, "SKU", "Maglia", BigDecimal.ONE, new BigDecimal("10"), null,
                        new BigDecimal("22"))),
                new Fw360Order.Payment(1L, payment, contrassegno), "EUR", BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("1.80"), BigDecimal.TEN, null, null, "2026-11-24 10:00:00", "2026-11-24 10:00:00");
    }

    @Test
    void waitingForPaymentIsNoMilestone() {
        OrderChange c = Framework360OrderMapping.change(order("In attesa di pagamento", "PayPal", false));
        assertThat(c.paid() || c.cancelled() || c.shipped()).isFalse();
    }

    @Test
    void paidAndShippedAreReadFromTheStatusName() {
        assertThat(Framework360OrderMapping.change(order("Pagato", "PayPal", false)).paid()).isTrue();
        OrderChange shipped = Framework360OrderMapping.change(order("Spedito", "PayPal", false));
        assertThat(shipped.shipped()).isTrue();
        assertThat(shipped.paid()).as("a shipped order was paid").isTrue();
    }

    @Test
    void aCancelledOrderIsNeverPaidNorShipped() {
        OrderChange c = Framework360OrderMapping.change(order("Annullato", "PayPal", false));
        assertThat(c.cancelled()).isTrue();
        assertThat(c.paid()).isFalse();
        assertThat(c.shipped()).isFalse();
    }

    @Test
    void cashOnDeliveryIsTheContrassegnoFlagOrName() {
        assertThat(Framework360OrderMapping.change(order("In attesa di pagamento", "Pagamento alla consegna", true))
                .order().cashOnDelivery()).isTrue();
        assertThat(Framework360OrderMapping.change(order("In attesa di pagamento", "Contrassegno", null))
                .order().cashOnDelivery()).isTrue();
        assertThat(Framework360OrderMapping.change(order("In attesa di pagamento", "Bonifico", false))
                .order().cashOnDelivery()).isFalse();
    }

    @Test
    void datesAreItalianLocalTime() {
        assertThat(Framework360OrderMapping.change(order("Pagato", "PayPal", false)).order().createdAt().toString())
                .isEqualTo("2026-11-24T10:00+01:00");
    }
}
