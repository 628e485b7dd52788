package dev.enlace.catalog.domain;

import dev.enlace.platform.connectors.CatalogVariant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CA1: pairs ERP and store variants by SKU. A SKU that is not unique on either side is never
 * paired: it is reported with every candidate of both sides, to be linked by hand (CA2).
 * Variants without a SKU cannot be paired this way. SKUs compare exactly, after trimming.
 */
public final class SkuMatcher {
    private SkuMatcher() {
    }

    public record Pair(String sku, CatalogVariant erp, CatalogVariant store) {
    }

    public record Ambiguous(String sku, List<CatalogVariant> erpCandidates, List<CatalogVariant> storeCandidates) {
    }

    /**
     * @param erpOnly   SKUs found only in the ERP
     * @param storeOnly SKUs found only in the store
     */
    public record Result(List<Pair> pairs, List<Ambiguous> ambiguous, int erpOnly, int storeOnly, int withoutSku) {
    }

    public static Result match(List<CatalogVariant> erp, List<CatalogVariant> store) {
        int[] withoutSku = {0};
        Map<String, List<CatalogVariant>> erpBySku = bySku(erp, withoutSku);
        Map<String, List<CatalogVariant>> storeBySku = bySku(store, withoutSku);
        List<Pair> pairs = new ArrayList<>();
        List<Ambiguous> ambiguous = new ArrayList<>();
        int erpOnly = 0;
        for (var entry : erpBySku.entrySet()) {
            List<CatalogVariant> storeSide = storeBySku.get(entry.getKey());
            if (storeSide == null) {
                erpOnly++;
            } else if (entry.getValue().size() == 1 && storeSide.size() == 1) {
                pairs.add(new Pair(entry.getKey(), entry.getValue().get(0), storeSide.get(0)));
            } else {
                ambiguous.add(new Ambiguous(entry.getKey(), entry.getValue(), storeSide));
            }
        }
        int storeOnly = (int) storeBySku.keySet().stream().filter(sku -> !erpBySku.containsKey(sku)).count();
        // a SKU duplicated on one side only is still worth reporting: it can never be auto-linked
        erpBySku.forEach((sku, list) -> {
            if (list.size() > 1 && !storeBySku.containsKey(sku)) {
                ambiguous.add(new Ambiguous(sku, list, List.of()));
            }
        });
        storeBySku.forEach((sku, list) -> {
            if (list.size() > 1 && !erpBySku.containsKey(sku)) {
                ambiguous.add(new Ambiguous(sku, List.of(), list));
            }
        });
        return new Result(pairs, ambiguous, erpOnly, storeOnly, withoutSku[0]);
    }

    private static Map<String, List<CatalogVariant>> bySku(List<CatalogVariant> variants, int[] withoutSku) {
        Map<String, List<CatalogVariant>> result = new LinkedHashMap<>();
        for (CatalogVariant v : variants) {
            String sku = v.sku() == null ? "" : v.sku().trim();
            if (sku.isEmpty()) {
                withoutSku[0]++;
            } else {
                result.computeIfAbsent(sku, k -> new ArrayList<>()).add(v);
            }
        }
        return result;
    }
}
