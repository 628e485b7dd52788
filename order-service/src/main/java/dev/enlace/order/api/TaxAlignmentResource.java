package dev.enlace.order.api;

import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.ErpTaxCodes;
import dev.enlace.platform.connectors.StoreTaxRates;
import dev.enlace.platform.connectors.TaxAlignment;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * CA12: are the store's VAT rates and the ERP's tax codes aligned? An order line at a rate the ERP has no code for
 * could not be exported, so this is checked here, where orders leave for the ERP.
 */
@Path("/tenants/{tenant}/tax-alignment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class TaxAlignmentResource {
    private final TenantRegistry tenants;
    private final Connectors connectors;

    public TaxAlignmentResource(TenantRegistry tenants, Connectors connectors) {
        this.tenants = tenants;
        this.connectors = connectors;
    }

    /** The report, with {@code aligned} false when a store rate has no ERP code. */
    public record Report(String store, String erp, boolean aligned, Map<BigDecimal, String> codes,
            List<BigDecimal> missingInErp, List<BigDecimal> unusedByStore) {
    }

    @GET
    @Operation(summary = "The store's VAT rates against the ERP's tax codes (CA12); 422 when the systems cannot tell")
    public Uni<Report> check(@PathParam("tenant") String tenant) {
        Tenant t = tenants.find(tenant).orElseThrow(() -> ApiException.notFound("unknown tenant '" + tenant + "'"));
        String store = t.store().system();
        String erp = t.erp().system();
        StoreTaxRates rates = connectors.find(StoreTaxRates.class, store).orElseThrow(() ->
                ApiException.unprocessable("the " + store + " store does not list its VAT rates"));
        ErpTaxCodes codes = connectors.find(ErpTaxCodes.class, erp).orElseThrow(() ->
                ApiException.unprocessable("the " + erp + " ERP has no configurable tax codes"));
        Map<BigDecimal, String> erpCodes;
        try {
            erpCodes = codes.taxCodes(t.erp());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        return rates.taxRates(t.store()).map(r -> {
            TaxAlignment a = TaxAlignment.check(r, erpCodes);
            return new Report(store, erp, a.aligned(), a.codes(), a.missingInErp(), a.unusedByStore());
        });
    }
}
