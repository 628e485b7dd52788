package dev.enlace.connector.framework360.mapping;

import dev.enlace.connector.framework360.client.Framework360Clients;
import dev.enlace.connector.framework360.client.Fw360Site;
import dev.enlace.platform.connectors.StoreTaxRates;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** CA12: the site's VAT rates, from {@code GET payments/taxes} ({@code aliquota}). */
@ApplicationScoped
public class Framework360TaxRates implements StoreTaxRates {
    private final Framework360Clients clients;

    public Framework360TaxRates(Framework360Clients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return Framework360Clients.SYSTEM;
    }

    @Override
    public Uni<List<BigDecimal>> taxRates(Connection store) {
        return clients.call(store, "list taxes", true, api -> api.taxes())
                .map(d -> d.data() == null ? List.<BigDecimal>of()
                        : d.data().stream().map(Fw360Site.Tax::aliquota).filter(Objects::nonNull).toList());
    }
}
