package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;

import java.math.BigDecimal;
import java.util.List;

/** The VAT rates a store charges, e.g. 22, 10, 4 (CA12), to be matched with the ERP's tax codes. */
public interface StoreTaxRates extends Capability {
    Uni<List<BigDecimal>> taxRates(Connection store);
}
