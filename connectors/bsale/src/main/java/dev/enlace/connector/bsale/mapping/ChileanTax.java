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

    /**
     * The document net whose net + IVA is exactly the gross total, if one exists. Rounding net and IVA
     * separately leaves some totals unreachable (3 CLP: net 2 gives 2, net 3 gives 4); then empty.
     */
    public static java.util.Optional<BigDecimal> netFor(BigDecimal grossTotal) {
        long estimate = grossTotal.divide(BigDecimal.ONE.add(IVA), 0, RoundingMode.FLOOR).longValue();
        for (long n = Math.max(0, estimate - 1); n <= estimate + 2; n++) {
            BigDecimal net = BigDecimal.valueOf(n);
            if (net.add(net.multiply(IVA).setScale(0, RoundingMode.HALF_UP)).compareTo(grossTotal) == 0) {
                return java.util.Optional.of(net);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Adjusts the last line's net unit value by a fraction of a peso so that Bsale's total is the store's
     * gross total (bsale.md §11: the ±1 CLP drift of separate roundings); lines stay as they are when no
     * net reaches that total exactly.
     */
    public static List<Line> balance(List<Line> lines, BigDecimal grossTotal) {
        java.util.Optional<BigDecimal> target = netFor(grossTotal);
        if (target.isEmpty() || lines.isEmpty()) {
            return lines;
        }
        BigDecimal current = lines.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal delta = target.get().subtract(current);
        Line last = lines.get(lines.size() - 1);
        BigDecimal units = last.quantity()
                .multiply(BigDecimal.ONE.subtract(last.discountPercent().divide(HUNDRED, 12, RoundingMode.HALF_UP)));
        if (delta.signum() == 0 || units.signum() <= 0) {
            return lines;
        }
        BigDecimal adjusted = last.netUnitValue().add(delta.divide(units, NET_SCALE, RoundingMode.HALF_UP));
        if (adjusted.signum() <= 0) {
            return lines;
        }
        List<Line> balanced = new java.util.ArrayList<>(lines.subList(0, lines.size() - 1));
        balanced.add(new Line(adjusted, last.quantity(), last.discountPercent()));
        return balanced;
    }
}
