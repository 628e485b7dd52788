package dev.enlace.catalog.storesync;

import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductSplitTest {
    private static final ProductSnapshot.VariantSnapshot S = new ProductSnapshot.VariantSnapshot("11", "TS-S", null,
            Money.of("990", "RUB"), List.of("S"));
    private static final ProductSnapshot.VariantSnapshot M = new ProductSnapshot.VariantSnapshot("12", "TS-M", null,
            Money.of("1090", "RUB"), List.of("M"));

    @Test
    void productWithOneVariantIsWrittenAsItIs() {
        // CA4, CA6
        ProductSnapshot p = product(List.of(S));
        assertThat(ProductSplit.perVariant(p)).containsExactly(p);
    }

    @Test
    void eachVariantBecomesOneErpProductNamedAfterItsOptions() {
        // CA4, CA6: relBase has no variants; one ERP product per store variant keeps links one to one
        List<ProductSnapshot> parts = ProductSplit.perVariant(product(List.of(S, M)));
        assertThat(parts).extracting(ProductSnapshot::name).containsExactly("Футболка (S)", "Футболка (M)");
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.variants()).hasSize(1);
            assertThat(p.categories()).containsExactly("Футболки");
            assertThat(p.imageUrls()).containsExactly("https://img/1.png");
        });
        assertThat(parts.get(1).variants().get(0).sku()).isEqualTo("TS-M");
    }

    @Test
    void variantWithoutOptionsIsNamedAfterItsSku() {
        ProductSnapshot.VariantSnapshot plain = new ProductSnapshot.VariantSnapshot("13", "TS-X", null, null, List.of());
        assertThat(ProductSplit.perVariant(product(List.of(S, plain))).get(1).name()).isEqualTo("Футболка (TS-X)");
    }

    @Test
    void skeletonCarriesNameDescriptionAndGroupsButNoPricesOrImages() {
        // CA4 MoySklad -> inSales
        ProductSnapshot skeleton = ProductSplit.skeleton(product(List.of(S, M)));
        assertThat(skeleton.name()).isEqualTo("Футболка");
        assertThat(skeleton.description()).isEqualTo("<p>Хлопок</p>");
        assertThat(skeleton.categories()).containsExactly("Футболки");
        assertThat(skeleton.imageUrls()).isEmpty();
        assertThat(skeleton.variants()).extracting(ProductSnapshot.VariantSnapshot::sku).containsExactly("TS-S", "TS-M");
        assertThat(skeleton.variants()).allSatisfy(v -> assertThat(v.price()).isNull());
    }

    private static ProductSnapshot product(List<ProductSnapshot.VariantSnapshot> variants) {
        return new ProductSnapshot("insales", "1", "Футболка", "<p>Хлопок</p>", "active", List.of("Футболки"),
                List.of("https://img/1.png"), variants);
    }
}
