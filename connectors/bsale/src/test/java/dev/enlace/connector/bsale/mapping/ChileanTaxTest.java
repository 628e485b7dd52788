package dev.enlace.connector.bsale.mapping;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChileanTaxTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void grossPriceBecomesNetWithSixDecimals() {
        assertThat(ChileanTax.netUnitValue(d("11890"), true, d("19"))).isEqualByComparingTo("9991.596639");
        assertThat(ChileanTax.netUnitValue(d("9990"), false, d("19"))).isEqualByComparingTo("9990");
    }

    @Test
    void documentTotalsRoundOnceLikeBsale() {
        // bsale.md §7: two units at 10075.6303 plus shipping at 3352.9412 -> 23504 + 4466 = 27970
        ChileanTax.Totals totals = ChileanTax.totals(List.of(
                new ChileanTax.Line(d("10075.6303"), d("2"), BigDecimal.ZERO),
                new ChileanTax.Line(d("3352.9412"), BigDecimal.ONE, BigDecimal.ZERO)));
        assertThat(totals.net()).isEqualByComparingTo("23504");
        assertThat(totals.tax()).isEqualByComparingTo("4466");
        assertThat(totals.total()).isEqualByComparingTo("27970");
    }

    @Test
    void netPlusIvaIsTheGrossTotalWheneverSomeNetReachesIt() {
        // every gross price up to 100,000 CLP, one to three units
        int unreachable = 0;
        int pairs = 0;
        for (int gross = 1; gross <= 100_000; gross++) {
            for (int q = 1; q <= 3; q++) {
                pairs++;
                BigDecimal grossTotal = BigDecimal.valueOf((long) gross * q);
                BigDecimal net = ChileanTax.netUnitValue(BigDecimal.valueOf(gross), true, d("19"));
                List<ChileanTax.Line> lines = ChileanTax.balance(
                        List.of(new ChileanTax.Line(net, BigDecimal.valueOf(q), BigDecimal.ZERO)), grossTotal);
                ChileanTax.Totals t = ChileanTax.totals(lines);
                assertThat(t.net().add(t.tax())).isEqualByComparingTo(t.total());
                if (ChileanTax.netFor(grossTotal).isPresent()) {
                    assertThat(t.total()).as("%d x %d", gross, q).isEqualByComparingTo(grossTotal);
                } else {
                    unreachable++;
                    assertThat(t.total().subtract(grossTotal).abs()).isLessThanOrEqualTo(BigDecimal.ONE);
                }
            }
        }
        System.out.printf("ChileanTax: %d of %d gross totals cannot be net + IVA exactly (off by 1 CLP)%n",
                unreachable, pairs);
    }

    @Test
    void aThreePesoTotalHasNoExactNet() {
        assertThat(ChileanTax.netFor(d("3"))).isEmpty();
        assertThat(ChileanTax.netFor(d("11890"))).contains(d("9992"));
    }

    @Test
    void balancingTouchesOnlyTheLastLine() {
        BigDecimal shirt = ChileanTax.netUnitValue(d("9990"), true, d("19"));
        BigDecimal shipping = ChileanTax.netUnitValue(d("3990"), true, d("19"));
        List<ChileanTax.Line> lines = ChileanTax.balance(List.of(
                new ChileanTax.Line(shirt, d("3"), BigDecimal.ZERO),
                new ChileanTax.Line(shipping, BigDecimal.ONE, BigDecimal.ZERO)), d("33960"));
        assertThat(lines.get(0).netUnitValue()).isEqualByComparingTo(shirt);
        assertThat(ChileanTax.totals(lines).total()).isEqualByComparingTo("33960");
    }

    @Test
    void lineDiscountAmountBecomesAPercentageThatGivesItBack() {
        // DO7: 2 x 11890 with 2378 off the line = 10 %
        BigDecimal pct = ChileanTax.discountPercent(d("2378"), d("11890"), d("2"));
        assertThat(pct).isEqualByComparingTo("10");
        BigDecimal net = ChileanTax.netUnitValue(d("11890"), true, d("19"));
        ChileanTax.Totals t = ChileanTax.totals(List.of(new ChileanTax.Line(net, d("2"), pct)));
        assertThat(t.total()).isEqualByComparingTo("21402");
    }

    @Test
    void noDiscountIsZeroPercent() {
        assertThat(ChileanTax.discountPercent(null, d("100"), d("1"))).isEqualByComparingTo("0");
        assertThat(ChileanTax.discountPercent(BigDecimal.ZERO, d("100"), d("1"))).isEqualByComparingTo("0");
    }
}
