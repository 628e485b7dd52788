package dev.enlace.connector.bsale.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Chilean IVA arithmetic as Bsale does it (bsale.md §7, §11). Jumpseller prices include IVA; Bsale wants
 * net unit values and rounds once per document: net = round(Σ lines), IVA = round(net × 19 %),
 * total = net + IVA, in whole pesos (CLP has no decimals). Sending the net with six decimals keeps
 * the document's total equal to the store's gross total.
 */
public final class ChileanTax {
    public static final BigDecimal IVA = new BigDecimal("0.19");
    /** Enough decimals that 1.19 × net rounds back to the gross peso. */
    public static final int NET_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One document line: net unit value, quantity and discount percentage, as sent to Bsale. */
    public record Line(BigDecimal netUnitValue, BigDecimal quantity, BigDecimal discountPercent) {
        BigDecimal net() {
            return netUnitValue.multiply(quantity)
                    .multiply(BigDecimal.ONE.subtract(discountPercent.divide(HUNDRED, 12, RoundingMode.HALF_UP)));
        }
    }

    /** A document's amounts in pesos. */
    public record Totals(BigDecimal net, BigDecimal tax, BigDecimal total) {
    }

    private ChileanTax() {
    }

    /** The net unit value of a price: {@code gross / (1 + rate)} when the price includes the tax. */
    public static BigDecimal netUnitValue(BigDecimal price, boolean taxIncluded, BigDecimal ratePercent) {
        if (!taxIncluded) {
            return price.setScale(NET_SCALE, RoundingMode.HALF_UP);
        }
        BigDecimal factor = BigDecimal.ONE.add(ratePercent.divide(HUNDRED, 6, RoundingMode.HALF_UP));
        return price.divide(factor, NET_SCALE, RoundingMode.HALF_UP);
    }

    /** DO7: a line discount (an amount on the whole line) as the percentage Bsale takes. */
    public static BigDecimal discountPercent(BigDecimal lineDiscount, BigDecimal unitPrice, BigDecimal quantity) {
        BigDecimal lineGross = unitPrice.multiply(quantity);
        if (lineDiscount == null || lineDiscount.signum() == 0 || lineGross.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return lineDiscount.multiply(HUNDRED).divide(lineGross, NET_SCALE, RoundingMode.HALF_UP).min(HUNDRED);
    }

    /** What Bsale computes for a taxed document with these lines. */
    public static Totals totals(List<Line> lines) {
        BigDecimal net = lines.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(0, RoundingMode.HALF_UP);
        BigDecimal tax = net.multiply(IVA).setScale(0, RoundingMode.HALF_UP);
        return new Totals(net, tax, net.add(tax));
    }
}
