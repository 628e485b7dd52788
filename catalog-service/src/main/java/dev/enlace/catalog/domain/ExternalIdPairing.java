package dev.enlace.catalog.domain;

import dev.enlace.platform.connectors.CatalogVariant;

import java.util.List;

/**
 * CA9: an ERP external-id field ties one ERP product to one store product (MoySklad keeps it per
 * product; its variants have no custom fields). Their variants pair up one to one when each side
 * has a single variant, otherwise by SKU within the two products, with SKU's rules (CA1).
 */
public final class ExternalIdPairing {
    private ExternalIdPairing() {
    }

    public static List<SkuMatcher.Pair> pair(List<CatalogVariant> erpVariants, List<CatalogVariant> storeVariants) {
        if (erpVariants.size() == 1 && storeVariants.size() == 1) {
            CatalogVariant erp = erpVariants.get(0);
            CatalogVariant store = storeVariants.get(0);
            return List.of(new SkuMatcher.Pair(skuOf(erp, store), erp, store));
        }
        return SkuMatcher.match(erpVariants, storeVariants).pairs();
    }

    /** The SKU a link is known by: the ERP's, else the store's, else the ERP variant id. */
    public static String skuOf(CatalogVariant erp, CatalogVariant store) {
        if (erp.sku() != null && !erp.sku().isBlank()) {
            return erp.sku().trim();
        }
        if (store.sku() != null && !store.sku().isBlank()) {
            return store.sku().trim();
        }
        return erp.ref().variantId();
    }
}
