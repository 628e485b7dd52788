package dev.enlace.catalog.storesync;

import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No loops: what counts as "the same product" for the echo guard. */
class ProductEchoGuardHashTest {

    @Test
    void samePriceWrittenWithOtherDecimalsIsTheSameContent() {
        assertThat(ProductEchoGuard.hash(product("Gorro", "5990"))).isEqualTo(ProductEchoGuard.hash(product("Gorro", "5990.00")));
    }

    @Test
    void imagesGroupsAndStatusAreNotPartOfTheContent() {
        // each system answers them in its own form (re-hosted URLs, folder paths)
        ProductSnapshot a = product("Gorro", "5990");
        ProductSnapshot b = new ProductSnapshot(a.system(), a.productId(), a.name(), a.description(), "hidden",
                List.of("Otra"), List.of("https://cdn/other.jpg"), a.variants());
        assertThat(ProductEchoGuard.hash(a)).isEqualTo(ProductEchoGuard.hash(b));
    }

    @Test
    void nameOrPriceChangeIsNewContent() {
        String base = ProductEchoGuard.hash(product("Gorro", "5990"));
        assertThat(ProductEchoGuard.hash(product("Gorro!", "5990"))).isNotEqualTo(base);
        assertThat(ProductEchoGuard.hash(product("Gorro", "5991"))).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeImitated() {
        ProductSnapshot a = new ProductSnapshot("jumpseller", "1", "ab", "c", null, List.of(), List.of(), List.of());
        ProductSnapshot b = new ProductSnapshot("jumpseller", "1", "a", "bc", null, List.of(), List.of(), List.of());
        assertThat(ProductEchoGuard.hash(a)).isNotEqualTo(ProductEchoGuard.hash(b));
    }

    private static ProductSnapshot product(String name, String price) {
        return new ProductSnapshot("jumpseller", "7", name, "Abrigador", "available", List.of("Ropa"),
                List.of("https://cdn/gorro.jpg"),
                List.of(new ProductSnapshot.VariantSnapshot(null, "G-1", null, Money.of(price, "CLP"), List.of())));
    }
}
