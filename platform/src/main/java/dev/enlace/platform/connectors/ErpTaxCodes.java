package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The ERP's own code for each VAT rate (CA12), for ERPs whose lines name a tax by an id of their own tax table
 * (Gestionale Smarty's {@code tax_id}) that their API does not list: the tenant configures it on the connection.
 */
public interface ErpTaxCodes extends Capability {
    /**
     * @return rate (e.g. 22) → the ERP's code; empty when the tenant configured none
     * @throws IllegalArgumentException when the configuration cannot be read
     */
    Map<BigDecimal, String> taxCodes(Connection erp);
}
