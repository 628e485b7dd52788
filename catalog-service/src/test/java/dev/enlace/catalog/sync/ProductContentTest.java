package dev.enlace.catalog.sync;

import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.events.ProductSnapshot.VariantSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The content the echo guard compares (CA5: no loops). */
class ProductContentTest {

    private static ProductSnapshot product(String system, String id, String name, String status, VariantSnapshot... variants) {
        return new ProductSnapshot(system, id, name, "Algodón", status, List.of("Ropa"), List.of(), List.of(variants));
    }

    private static VariantSnapshot variant(String id, String sku, String price) {
        return new VariantSnapshot(id, sku, null, Money.of(price, "CLP"), List.of("M"));
    }

    @Test
    void theSameProductInTwoSystemsHasTheSameContent() {
        var erp = product("bsale", "656", "Polera", "active", variant("2373", "POL-M", "11900"));
        var store = product("jumpseller", "1001", "Polera", "disabled", variant("81899012", "POL-M", "11900.00"));
        assertThat(ProductContent.hash(erp)).isEqualTo(ProductContent.hash(store));
    }

    @Test
    void variantOrderDoesNotMatter() {
        var a = product("bsale", "1", "P", "active", variant("1", "A", "10"), variant("2", "B", "20"));
        var b = product("bsale", "1", "P", "active", variant("2", "B", "20"), variant("1", "A", "10"));
        assertThat(ProductContent.hash(a)).isEqualTo(ProductContent.hash(b));
    }

    @Test
    void aChangedNamePriceOrSkuIsNewContent() {
        var before = product("bsale", "1", "Polera", "active", variant("1", "POL-M", "11900"));
        assertThat(ProductContent.hash(product("bsale", "1", "Polera azul", "active", variant("1", "POL-M", "11900"))))
                .isNotEqualTo(ProductContent.hash(before));
        assertThat(ProductContent.hash(product("bsale", "1", "Polera", "active", variant("1", "POL-M", "12900"))))
                .isNotEqualTo(ProductContent.hash(before));
        assertThat(ProductContent.hash(product("bsale", "1", "Polera", "active", variant("1", "POL-L", "11900"))))
                .isNotEqualTo(ProductContent.hash(before));
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        var a = new ProductSnapshot("s", "1", "ab", "c", null, List.of(), List.of(), List.of());
        var b = new ProductSnapshot("s", "1", "a", "bc", null, List.of(), List.of(), List.of());
        assertThat(ProductContent.hash(a)).isNotEqualTo(ProductContent.hash(b));
    }

    @Test
    void aNewSignatureOnTheSameImageLinkIsNotNewContent() { // CA5: MoySklad's temporary download links
        var first = new ProductSnapshot("moysklad", "1", "Кружка", null, null, List.of(),
                List.of("https://files.example/f/9a/mug.png?expires=100&signature=aa"), List.of());
        var later = new ProductSnapshot("moysklad", "1", "Кружка", null, null, List.of(),
                List.of("https://files.example/f/9a/mug.png?expires=200&signature=bb"), List.of());
        var other = new ProductSnapshot("moysklad", "1", "Кружка", null, null, List.of(),
                List.of("https://files.example/f/9b/mug.png?expires=200&signature=bb"), List.of());
        assertThat(ProductContent.hash(later)).isEqualTo(ProductContent.hash(first));
        assertThat(ProductContent.hash(other)).isNotEqualTo(ProductContent.hash(first));
    }
}
