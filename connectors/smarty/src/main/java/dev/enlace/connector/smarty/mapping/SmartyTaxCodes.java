package dev.enlace.connector.smarty.mapping;

import dev.enlace.connector.smarty.client.SmartyClients;
import dev.enlace.platform.connectors.ErpTaxCodes;
import dev.enlace.platform.tenant.Connection;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CA12: Smarty's {@code tax_id} for each VAT rate. Smarty has no public endpoint listing its tax table, so the tenant
 * writes it on the ERP connection: property {@value #PROPERTY}, e.g. {@code "22=1,10=2,4=3"} (rate=tax_id).
 */
@ApplicationScoped
public class SmartyTaxCodes implements ErpTaxCodes {
    static final String PROPERTY = "taxIds";

    @Override
    public String system() {
        return SmartyClients.SYSTEM;
    }

    @Override
    public Map<BigDecimal, String> taxCodes(Connection erp) {
        Map<BigDecimal, String> codes = new LinkedHashMap<>();
        String value = erp.property(PROPERTY).orElse("");
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=");
            try {
                if (parts.length != 2 || parts[1].isBlank()) {
                    throw new NumberFormatException();
                }
                codes.put(new BigDecimal(parts[0].trim()), parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Smarty property " + PROPERTY + ": '" + pair.trim()
                        + "' is not <rate>=<tax_id>, e.g. 22=1");
            }
        }
        return codes;
    }
}
