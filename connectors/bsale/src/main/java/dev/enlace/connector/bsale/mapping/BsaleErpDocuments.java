package dev.enlace.connector.bsale.mapping;

import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.connector.bsale.client.BsaleDocument;
import dev.enlace.connector.bsale.client.BsaleDocumentDetail;
import dev.enlace.connector.bsale.client.BsaleShipping;
import dev.enlace.events.Address;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.connectors.DocumentRequest;
import dev.enlace.platform.connectors.ErpDocuments;
import dev.enlace.platform.connectors.IssuedDocument;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DO1/DO3/DO4/DO6/DO7/DO8 for Bsale. A sale document carries a reference (SII code 801, purchase order)
 * whose number is the store order id, so {@code GET /v1/documents.json?referencenumber=} finds it after a
 * crash; Bsale does not deduplicate {@code salesId}. Credit notes are found through the returns of the
 * sale document, guías through the shippings that dispatch its lines.
 * The issued sale document's references keep its detail ids by line ({@code detail.<line index>}) and
 * quantities ({@code quantity.<line index>}), which credit notes and guías reference.
 */
@ApplicationScoped
public class BsaleErpDocuments implements ErpDocuments {
    static final String PURCHASE_ORDER = "801";

    private final BsaleClients clients;

    public BsaleErpDocuments(BsaleClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    @Override
    public Uni<IssuedDocument> issue(Connection connection, DocumentRequest request) {
        return switch (request.purpose()) {
            case SALE -> clients.call(connection, "issue document", false, api -> api.createDocument(saleBody(request)))
                    .chain(doc -> withDetails(connection, doc, request));
            case CREDIT_NOTE -> clients.call(connection, "issue credit note", false,
                            api -> api.createReturn(returnBody(request)))
                    .chain(ret -> readDocument(connection, ret.creditNote().id(), request));
            case DISPATCH_GUIDE -> clients.call(connection, "issue dispatch guide", false,
                            api -> api.createShipping(shippingBody(request)))
                    .chain(s -> readDocument(connection, s.guide().id(), request));
        };
    }

    @Override
    public Uni<Optional<IssuedDocument>> find(Connection connection, DocumentRequest request) {
        return switch (request.purpose()) {
            case SALE -> clients.call(connection, "find document", true, api -> api.documents(request.orderId(),
                            request.documentType(), 0, BsaleClients.PAGE_SIZE, 0))
                    .chain(page -> page.items().isEmpty() ? Uni.createFrom().item(Optional.<IssuedDocument>empty())
                            : withDetails(connection, page.items().get(0), request).map(Optional::of));
            case CREDIT_NOTE -> clients.call(connection, "find credit note", true,
                            api -> api.returns(request.original().documentId(), BsaleClients.PAGE_SIZE, 0))
                    .chain(page -> page.items().isEmpty() ? Uni.createFrom().item(Optional.<IssuedDocument>empty())
                            : readDocument(connection, page.items().get(0).creditNote().id(), request).map(Optional::of));
            case DISPATCH_GUIDE -> findGuide(connection, request);
        };
    }

    private Uni<Optional<IssuedDocument>> findGuide(Connection connection, DocumentRequest request) {
        List<Long> lines = request.original().references().entrySet().stream()
                .filter(e -> e.getKey().startsWith("detail.")).map(e -> Long.parseLong(e.getValue())).toList();
        return clients.all(connection, "find dispatch guide", (api, offset) ->
                        api.shippings(0, "[details]", BsaleClients.PAGE_SIZE, offset))
                .filter(s -> s.details() != null && s.details().items() != null && s.details().items().stream()
                        .anyMatch(d -> d.detailId() != null && lines.contains(d.detailId())))
                .toUni()
                .chain(s -> s == null ? Uni.createFrom().item(Optional.<IssuedDocument>empty())
                        : readDocument(connection, s.guide().id(), request).map(Optional::of));
    }

    private Uni<IssuedDocument> readDocument(Connection connection, String id, DocumentRequest request) {
        return clients.call(connection, "read document", true, api -> api.document(id))
                .map(doc -> toIssued(doc, request, Map.of()));
    }

    /** A sale document's detail ids, for its later credit note and guía. */
    private Uni<IssuedDocument> withDetails(Connection connection, BsaleDocument doc, DocumentRequest request) {
        return clients.all(connection, "read document details", (api, offset) ->
                        api.documentDetails(String.valueOf(doc.id()), BsaleClients.PAGE_SIZE, offset))
                .collect().asList()
                .map(details -> {
                    Map<String, String> refs = new LinkedHashMap<>();
                    for (BsaleDocumentDetail d : details) {
                        refs.put("detail." + (d.lineNumber() - 1), String.valueOf(d.id()));
                        refs.put("quantity." + (d.lineNumber() - 1), d.quantity().stripTrailingZeros().toPlainString());
                    }
                    return toIssued(doc, request, refs);
                });
    }

    static IssuedDocument toIssued(BsaleDocument doc, DocumentRequest request, Map<String, String> refs) {
        String currency = request.order().currency() == null ? "CLP" : request.order().currency();
        String url = doc.urlPublicView() != null ? doc.urlPublicView() : doc.urlPdf();
        OffsetDateTime issuedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return new IssuedDocument(String.valueOf(doc.id()), request.documentType(), String.valueOf(doc.number()),
                money(doc.netAmount(), currency), money(doc.taxAmount(), currency), money(doc.totalAmount(), currency),
                url, issuedAt, refs);
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount == null ? BigDecimal.ZERO : amount.stripTrailingZeros(), currency);
    }

    static Map<String, Object> saleBody(DocumentRequest request) {
        OrderSnapshot order = request.order();
        long today = today();
        Map<String, Object> body = header(request, today);
        body.put("codeSii", Integer.parseInt(request.documentType()));
        body.put("declareSii", 1);
        body.put("dispatch", 0);
        // lines as net values, the last one nudged so that Bsale's total is the store's gross total (§11)
        List<ChileanTax.Line> lines = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO;
        boolean allGross = true;
        for (OrderLine line : order.lines()) {
            BigDecimal discount = line.discount() == null ? BigDecimal.ZERO : line.discount().amount();
            lines.add(new ChileanTax.Line(ChileanTax.netUnitValue(line.unitPrice().amount(), line.taxIncluded(), rate(line)),
                    line.quantity(), ChileanTax.discountPercent(discount, line.unitPrice().amount(), line.quantity())));
            comments.add(null);
            gross = gross.add(line.unitPrice().amount().multiply(line.quantity())).subtract(discount);
            allGross &= line.taxIncluded();
        }
        if (order.shipping() != null && order.shipping().amount().signum() > 0) {
            // a free-text line, so shipping never touches stock (bsale.md §11)
            lines.add(new ChileanTax.Line(ChileanTax.netUnitValue(order.shipping().amount(), true, new BigDecimal("19")),
                    BigDecimal.ONE, BigDecimal.ZERO));
            comments.add("Despacho");
            gross = gross.add(order.shipping().amount());
        }
        if (allGross) {
            lines = ChileanTax.balance(lines, gross);
        }
        List<Map<String, Object>> details = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            if (comments.get(i) == null) {
                d.put("code", order.lines().get(i).sku());
            } else {
                d.put("comment", comments.get(i));
            }
            d.put("quantity", lines.get(i).quantity());
            d.put("netUnitValue", lines.get(i).netUnitValue());
            // DO7: the discount stays on its line, so a credit note returns the line with it
            d.put("discount", lines.get(i).discountPercent());
            d.put("taxId", "[1]");
            details.add(d);
        }
        body.put("details", details);
        String paymentType = request.settings().get("paymentType");
        if (paymentType != null && order.total() != null) {
            body.put("payments", List.of(Map.of("paymentTypeId", Long.parseLong(paymentType),
                    "amount", order.total().amount(), "recordDate", today)));
        }
        body.put("references", List.of(Map.of("number", order.orderId(), "referenceDate", today,
                "reason", "Pedido web " + order.orderId(), "codeSii", Integer.parseInt(PURCHASE_ORDER))));
        return body;
    }

    static Map<String, Object> returnBody(DocumentRequest request) {
        Map<String, Object> body = header(request, today());
        body.put("codeSii", Integer.parseInt(request.documentType()));
        body.put("referenceDocumentId", Long.parseLong(request.original().documentId()));
        body.put("motive", "Pedido " + request.orderId() + " anulado");
        body.put("declareSii", 1);
        body.put("priceAdjustment", 0);
        body.put("editTexts", 0);
        body.put("type", 0);
        // DO7: the whole line goes back, so its discount goes back with it
        body.put("details", originalLines(request, "documentDetailId", true));
        return body;
    }

    static Map<String, Object> shippingBody(DocumentRequest request) {
        Map<String, Object> body = header(request, today());
        body.put("codeSii", Integer.parseInt(request.documentType()));
        body.put("declareSii", 1);
        Address to = request.order().shippingAddress();
        if (to != null) {
            body.put("address", nz(to.street()));
            body.put("city", nz(to.city()));
            body.put("municipality", nz(to.municipality()));
            body.put("recipient", nz(to.name()));
        }
        body.put("details", originalLines(request, "detailId", false));
        return body;
    }

    /** The original's product lines (not the shipping line), by detail id. */
    private static List<Map<String, Object>> originalLines(DocumentRequest request, String idField, boolean unitValue) {
        List<Map<String, Object>> details = new ArrayList<>();
        Map<String, String> refs = request.original().references();
        for (int i = 0; i < request.order().lines().size(); i++) {
            String id = refs.get("detail." + i);
            if (id == null) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put(idField, Long.parseLong(id));
            d.put("quantity", new BigDecimal(refs.get("quantity." + i)));
            if (unitValue) {
                d.put("unitValue", 0);
            }
            details.add(d);
        }
        return details;
    }

    private static Map<String, Object> header(DocumentRequest request, long today) {
        Map<String, Object> body = new LinkedHashMap<>();
        String office = request.settings().get("office");
        if (office != null) {
            body.put("officeId", Long.parseLong(office));
        }
        body.put("emissionDate", today);
        body.put("expirationDate", today);
        Map<String, Object> client = client(request.order());
        if (client != null) {
            body.put("client", client);
        }
        return body;
    }

    /** DO6: an invoice names the company with its RUT, razón social, giro and address; a receipt needs no client. */
    static Map<String, Object> client(OrderSnapshot order) {
        BillingChoice billing = order.billing();
        if (billing == null || billing.documentKind() != DocumentKind.INVOICE) {
            return null;
        }
        Address a = order.shippingAddress();
        if (a == null && order.customer() != null && order.customer().addresses() != null
                && !order.customer().addresses().isEmpty()) {
            a = order.customer().addresses().get(0);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", billing.taxId());
        c.put("company", billing.companyName());
        c.put("activity", billing.activity());
        c.put("address", a == null ? "" : nz(a.street()));
        c.put("city", a == null ? "" : nz(a.city()));
        c.put("municipality", a == null ? "" : nz(a.municipality()));
        if (order.customer() != null) {
            c.put("email", order.customer().email());
            c.put("firstName", order.customer().firstName());
            c.put("lastName", order.customer().lastName());
        }
        c.put("companyOrPerson", 1);
        return c;
    }

    private static BigDecimal rate(OrderLine line) {
        return line.taxRate() == null ? new BigDecimal("19") : line.taxRate();
    }

    /** Emission dates carry the Chilean calendar date at 00:00 UTC (bsale.md §11). */
    private static long today() {
        LocalDate date = LocalDate.now(java.time.ZoneId.of("America/Santiago"));
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
