package dev.enlace.catalog.domain;

import dev.enlace.events.ExternalRef;
import dev.enlace.platform.connectors.CatalogVariant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SkuMatcherTest {

    private static CatalogVariant erp(String id, String sku) {
        return new CatalogVariant(new ExternalRef("bsale", "p" + id, id), sku, "ERP " + id);
    }

    private static CatalogVariant store(String id, String sku) {
        return new CatalogVariant(new ExternalRef("jumpseller", "P" + id, id), sku, "Store " + id);
    }

    @Test
    void skuUniqueOnBothSidesIsLinked() { // CA1
        var result = SkuMatcher.match(List.of(erp("1", "POL-001-M")), List.of(store("81", "POL-001-M")));
        assertThat(result.pairs()).singleElement().satisfies(p -> {
            assertThat(p.sku()).isEqualTo("POL-001-M");
            assertThat(p.erp().ref().variantId()).isEqualTo("1");
            assertThat(p.store().ref().variantId()).isEqualTo("81");
        });
        assertThat(result.ambiguous()).isEmpty();
    }

    @Test
    void skuRepeatedInTheStoreIsNeverAutoLinkedAndIsReportedWithItsCandidates() { // CA1
        var result = SkuMatcher.match(List.of(erp("1", "XXXX01")), List.of(store("81", "XXXX01"), store("82", "XXXX01")));
        assertThat(result.pairs()).isEmpty();
        assertThat(result.ambiguous()).singleElement().satisfies(a -> {
            assertThat(a.sku()).isEqualTo("XXXX01");
            assertThat(a.erpCandidates()).hasSize(1);
            assertThat(a.storeCandidates()).extracting(c -> c.ref().variantId()).containsExactly("81", "82");
        });
    }

    @Test
    void skuRepeatedInTheErpIsNeverAutoLinked() { // CA1
        var result = SkuMatcher.match(List.of(erp("1", "A"), erp("2", "A")), List.of(store("81", "A")));
        assertThat(result.pairs()).isEmpty();
        assertThat(result.ambiguous()).singleElement().extracting(SkuMatcher.Ambiguous::sku).isEqualTo("A");
    }

    @Test
    void skuRepeatedOnOneSideWithNoCounterpartIsStillReported() {
        var result = SkuMatcher.match(List.of(erp("1", "A"), erp("2", "A")), List.of());
        assertThat(result.ambiguous()).singleElement().satisfies(a -> assertThat(a.storeCandidates()).isEmpty());
    }

    @Test
    void variantsWithoutSkuAreCountedNotLinked() {
        var result = SkuMatcher.match(List.of(erp("1", " "), erp("2", null)), List.of(store("81", "")));
        assertThat(result.pairs()).isEmpty();
        assertThat(result.withoutSku()).isEqualTo(3);
    }

    @Test
    void skusCompareExactlyAfterTrimming() {
        var result = SkuMatcher.match(List.of(erp("1", " ABC "), erp("2", "abc")), List.of(store("81", "ABC")));
        assertThat(result.pairs()).extracting(SkuMatcher.Pair::sku).containsExactly("ABC");
        assertThat(result.erpOnly()).isEqualTo(1);
    }

    @Test
    void unmatchedSkusAreCountedPerSide() {
        var result = SkuMatcher.match(List.of(erp("1", "A"), erp("2", "B")), List.of(store("81", "B"), store("82", "C")));
        assertThat(result.pairs()).hasSize(1);
        assertThat(result.erpOnly()).isEqualTo(1);
        assertThat(result.storeOnly()).isEqualTo(1);
    }
}
