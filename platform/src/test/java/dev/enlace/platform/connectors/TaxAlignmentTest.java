package dev.enlace.platform.connectors;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CA12: a store's VAT rates against the ERP's configured tax codes. */
class TaxAlignmentTest {

    @Test
    void everyStoreRateWithAnErpCodeIsAligned() {
        TaxAlignment a = TaxAlignment.check(List.of(new BigDecimal("22.00"), BigDecimal.TEN),
                Map.of(new BigDecimal("22"), "1", new BigDecimal("10.0"), "2"));
        assertThat(a.aligned()).isTrue();
        assertThat(a.codes()).containsEntry(new BigDecimal("22"), "1").containsEntry(BigDecimal.TEN, "2");
    }

    @Test
    void aStoreRateWithoutAnErpCodeIsReportedMissing() {
        TaxAlignment a = TaxAlignment.check(List.of(new BigDecimal("22"), new BigDecimal("4")), Map.of(new BigDecimal("22"), "1"));
        assertThat(a.aligned()).isFalse();
        assertThat(a.missingInErp()).containsExactly(new BigDecimal("4"));
    }

    @Test
    void anErpCodeTheStoreNeverChargesIsReportedButHarmless() {
        TaxAlignment a = TaxAlignment.check(List.of(new BigDecimal("22")),
                Map.of(new BigDecimal("22"), "1", new BigDecimal("5"), "9"));
        assertThat(a.aligned()).isTrue();
        assertThat(a.unusedByStore()).containsExactly(new BigDecimal("5"));
    }
}
