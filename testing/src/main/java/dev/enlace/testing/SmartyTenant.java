package dev.enlace.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.enlace.connector.framework360.simulator.Framework360Simulator;
import dev.enlace.connector.smarty.simulator.SmartySimulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant whose ERP is a Gestionale Smarty account (no webhooks: Enlace polls it) and whose store is a
 * Framework360 site with the same SKUs, both in the simulators: the pairing of the Framework360 Smarty plugin.
 */
public final class SmartyTenant {

    /**
     * @param apiKey        the Smarty API key
     * @param site          the Framework360 site's name
     * @param siteKey       the site's API key (it also signs the site's webhooks)
     * @param products      SKU → Smarty product id
     * @param storeProducts SKU → Framework360 product id
     */
    public record Created(String id, String apiKey, String site, String siteKey, List<String> skus,
            Map<String, Long> products, Map<String, Long> storeProducts) {
    }

    private SmartyTenant() {
    }

    public static Created create(Simulators sims, Path tenantsDir, String id, int products) throws IOException {
        String apiKey = sims.smarty().createAccount(id + " Srl");
        String siteKey = sims.framework360().createSite(id);
        List<String> skus = new ArrayList<>();
        Map<String, Long> erp = new LinkedHashMap<>();
        Map<String, Long> store = new LinkedHashMap<>();
        for (int i = 1; i <= products; i++) {
            String sku = String.format("%s-%04d", id.toUpperCase(Locale.ROOT), i);
            skus.add(sku);
            erp.put(sku, sims.smarty().putProduct(apiKey, JsonNodeFactory.instance.objectNode().put("sku", sku)
                    .put("title", "Prodotto " + i).put("price", "15.20").put("tax_id", 1).put("stock", 20 + i)));
            store.put(sku, sims.framework360().addProduct(id, sku, "Prodotto " + i, new BigDecimal("15.20"), 0L));
        }
        Path secrets = Files.createDirectories(tenantsDir.resolve("secrets"));
        Files.writeString(secrets.resolve(id + "-smarty-key"), apiKey);
        Files.writeString(secrets.resolve(id + "-framework360-key"), siteKey);
        Files.writeString(tenantsDir.resolve(id + ".yaml"), """
                # Generated for tests: a Gestionale Smarty account (polled) and a Framework360 site in the simulators.
                id: %1$s
                timezone: Europe/Rome
                store:
                  system: framework360
                  baseUrl: %2$s%3$s
                  credentials:
                    apiKey: file:secrets/%1$s-framework360-key
                erp:
                  system: smarty
                  baseUrl: %4$s%5$s
                  properties:
                    # CA12: Smarty tax_id per VAT rate; the site also charges 4 %%, left unmapped on purpose
                    taxIds: "22=1,10=2"
                  credentials:
                    apiKey: file:secrets/%1$s-smarty-key
                settings:
                  stock:
                    pollInterval: PT10S
                """.formatted(id, sims.framework360Url(), Framework360Simulator.apiPath(id), sims.smartyUrl(),
                SmartySimulator.API_PREFIX));
        return new Created(id, apiKey, id, siteKey, skus, erp, store);
    }
}
