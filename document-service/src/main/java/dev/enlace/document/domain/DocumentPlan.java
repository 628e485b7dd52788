package dev.enlace.document.domain;

import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.tenant.TenantSettings;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Which document an order gets and whether it can be issued yet (DO1, DO2, DO5, DO6). */
public final class DocumentPlan {

    /** States of a legal document row (DO8). */
    public enum State { AWAITING_CHOICE, PENDING_LINKS, READY, ISSUING, ISSUED, FAILED, CANCELLED }

    private DocumentPlan() {
    }

    /** DO6: an invoice when the buyer asked for one with a tax id, else a receipt. */
    public static DocumentKind kind(BillingChoice billing) {
        if (billing != null && billing.documentKind() == DocumentKind.INVOICE && billing.taxId() != null
                && !billing.taxId().isBlank()) {
            return DocumentKind.INVOICE;
        }
        return DocumentKind.RECEIPT;
    }

    /** DO2: the ERP document type the tenant chose for a purpose; empty when it chose none. */
    public static Optional<String> documentType(TenantSettings.Documents settings, DocumentPurpose purpose,
            DocumentKind kind) {
        String type = switch (purpose) {
            case SALE -> kind == DocumentKind.INVOICE ? settings.invoiceType() : settings.receiptType();
            case CREDIT_NOTE -> settings.creditNoteType();
            case DISPATCH_GUIDE -> settings.dispatchGuideType();
        };
        return Optional.ofNullable(type).filter(t -> !t.isBlank());
    }

    /** DO5: the order's SKUs that are not linked, in order, each once. */
    public static List<String> missingSkus(OrderSnapshot order, Collection<String> linkedSkus) {
        Set<String> missing = new LinkedHashSet<>();
        for (OrderLine line : order.lines()) {
            if (line.sku() == null || line.sku().isBlank() || !linkedSkus.contains(line.sku())) {
                missing.add(line.sku() == null ? "" : line.sku());
            }
        }
        return List.copyOf(missing);
    }

    /** The tenant's settings the ERP needs with the request, by their names in the tenant file. */
    public static Map<String, String> erpSettings(TenantSettings.Documents settings) {
        Map<String, String> map = new TreeMap<>();
        if (settings.office() != null) {
            map.put("office", settings.office());
        }
        if (settings.paymentType() != null) {
            map.put("paymentType", settings.paymentType());
        }
        return map;
    }

    /** The stored form of missing SKUs: ",A,B,", so one SKU can be struck out in SQL. */
    public static String encodeMissing(List<String> skus) {
        return "," + String.join(",", skus) + (skus.isEmpty() ? "" : ",");
    }

    public static List<String> decodeMissing(String stored) {
        return stored == null ? List.of()
                : java.util.Arrays.stream(stored.split(",")).filter(s -> !s.isEmpty()).toList();
    }
}
