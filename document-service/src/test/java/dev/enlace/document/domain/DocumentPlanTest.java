package dev.enlace.document.domain;

import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentPlanTest {
    private static final TenantSettings.Documents SETTINGS = new TenantSettings.Documents(true, null, "39", "33", "61",
            null, "8", "1");

    private static OrderSnapshot order(String... skus) {
        List<OrderLine> lines = java.util.Arrays.stream(skus).map(sku -> new OrderLine(sku, null, null, sku,
                BigDecimal.ONE, Money.of("100", "CLP"), Money.of("0", "CLP"), new BigDecimal("19"), true)).toList();
        return new OrderSnapshot("jumpseller", "1", "paid", null, "CLP", lines, null, null, BillingChoice.receipt(),
                null, false, null, null, null, null, null, null);
    }

    @Test
    void invoiceNeedsATaxIdElseItIsAReceipt() { // DO6
        assertThat(DocumentPlan.kind(new BillingChoice(DocumentKind.INVOICE, "76123456-0", "X SpA", "Giro")))
                .isEqualTo(DocumentKind.INVOICE);
        assertThat(DocumentPlan.kind(new BillingChoice(DocumentKind.INVOICE, " ", null, null))).isEqualTo(DocumentKind.RECEIPT);
        assertThat(DocumentPlan.kind(null)).isEqualTo(DocumentKind.RECEIPT);
    }

    @Test
    void eachPurposeTakesTheTypeTheTenantChose() { // DO2
        assertThat(DocumentPlan.documentType(SETTINGS, DocumentPurpose.SALE, DocumentKind.RECEIPT)).contains("39");
        assertThat(DocumentPlan.documentType(SETTINGS, DocumentPurpose.SALE, DocumentKind.INVOICE)).contains("33");
        assertThat(DocumentPlan.documentType(SETTINGS, DocumentPurpose.CREDIT_NOTE, null)).contains("61");
        assertThat(DocumentPlan.documentType(SETTINGS, DocumentPurpose.DISPATCH_GUIDE, null)).isEmpty();
    }

    @Test
    void unlinkedSkusAreListedOnceInOrderOfTheLines() { // DO5
        assertThat(DocumentPlan.missingSkus(order("A", "B", "C", "B"), Set.of("A"))).containsExactly("B", "C");
        assertThat(DocumentPlan.missingSkus(order("A"), Set.of("A"))).isEmpty();
    }

    @Test
    void missingSkusSurviveTheirStoredForm() {
        assertThat(DocumentPlan.decodeMissing(DocumentPlan.encodeMissing(List.of("A-1", "B_2")))).containsExactly("A-1", "B_2");
        assertThat(DocumentPlan.encodeMissing(List.of())).isEqualTo(",");
        assertThat(DocumentPlan.decodeMissing(",")).isEmpty();
    }
}
