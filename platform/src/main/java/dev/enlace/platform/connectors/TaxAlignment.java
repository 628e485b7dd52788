package dev.enlace.platform.connectors;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether a store's VAT rates and the ERP's tax codes line up (CA12): every rate the store charges needs an ERP
 * code, or an order line at that rate cannot be exported. Rates are compared by value (22 = 22.00).
 *
 * @param codes             store rate → ERP code, for the rates both sides know
 * @param missingInErp      rates the store charges that have no ERP code
 * @param unusedByStore     rates with an ERP code that the store does not charge (harmless, reported)
 */
public record TaxAlignment(Map<BigDecimal, String> codes, List<BigDecimal> missingInErp, List<BigDecimal> unusedByStore) {

    public boolean aligned() {
        return missingInErp.isEmpty();
    }

    public static TaxAlignment check(Collection<BigDecimal> storeRates, Map<BigDecimal, String> erpCodes) {
        Map<BigDecimal, String> erp = new TreeMap<>();
        erpCodes.forEach((rate, code) -> erp.put(normal(rate), code));
        List<BigDecimal> store = storeRates.stream().map(TaxAlignment::normal).distinct().sorted().toList();
        Map<BigDecimal, String> codes = store.stream().filter(erp::containsKey)
                .collect(Collectors.toMap(r -> r, erp::get, (a, b) -> a, TreeMap::new));
        List<BigDecimal> missing = store.stream().filter(r -> !erp.containsKey(r)).toList();
        List<BigDecimal> unused = erp.keySet().stream().filter(r -> !store.contains(r)).toList();
        return new TaxAlignment(codes, missing, unused);
    }

    private static BigDecimal normal(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
