package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.NewDte;
import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.connector.relbase.client.RelbaseCustomer;
import dev.enlace.connector.relbase.client.RelbaseDte;
import dev.enlace.connector.relbase.client.RelbaseProduct;
import dev.enlace.events.Address;
import dev.enlace.events.BillingChoice;
import dev.enlace.events.DocumentKind;
import dev.enlace.events.DocumentPurpose;
import dev.enlace.events.Money;
import dev.enlace.events.OrderLine;
import dev.enlace.events.OrderSnapshot;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.DocumentRequest;
import dev.enlace.platform.connectors.ErpDocuments;
import dev.enlace.platform.connectors.IssuedDocument;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * DO1 for relBase: a boleta (39), factura (33) or nota de venta (1001) for a store order, through
 * {@code POST /dtes}. relBase discounts the sold stock in the document's warehouse itself (ST2 goes
 * through the document, as relBase's own Jumpseller integration does).
 *
 * <p>DO3, DO4: a nota de crédito (61) that annuls the sale and a guía de despacho (52) for it, with
 * the sale's lines (DO7) and a {@code references[]} entry naming the sale by type, folio and date.
 * relbase.md shows {@code references[]} on a document's detail but not in the create body: the field
 * names, {@code code_ref} and {@code type_transfer} are guesses (README guess 21).
 *
 * <p>DO8: the document's {@code label_value} is {@code "Pedido #<order id>"}, the label relBase's own
 * integration uses, and {@link #find} looks for it among the documents of that type issued since the
 * order was placed. {@code query} on {@code /dtes} matches the folio only, so the lookup filters by
 * type and date and compares labels itself.
 *
 * <p>Tenant document settings used: {@code office} (warehouse id), {@code paymentType} (forma de
 * pago id), {@code channel} (canal de venta id), {@code shippingProductId} (a product to bill
 * shipping on; without it shipping is not billed).
 */
@ApplicationScoped
public class RelbaseDocuments implements ErpDocuments {
    static final ZoneId CHILE = ZoneId.of("America/Santiago");
    static final int FACTURA = 33;
    static final int FACTURA_EXENTA = 34;
    static final int BOLETA = 39;
    static final int NOTA_DE_VENTA = 1001;
    static final int GUIA_DE_DESPACHO = 52;
    static final int NOTA_DE_CREDITO = 61;
    /** SII CodRef 1: the credit note annuls the referenced document. */
    static final int ANULA = 1;
    /** SII IndTraslado 1: the goods move because of a sale. */
    static final int TRASLADO_VENTA = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String CLP = "CLP";

    private final RelbaseClients clients;

    public RelbaseDocuments(RelbaseClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return RelbaseClients.SYSTEM;
    }

    @Override
    public Uni<IssuedDocument> issue(Connection connection, DocumentRequest request) {
        // deferred: a refused request is a failed Uni, like an API refusal, never a throw at assembly
        return Uni.createFrom().deferred(() -> issueDocument(connection, request));
    }

    @Override
    public Uni<Optional<IssuedDocument>> find(Connection connection, DocumentRequest request) {
        return Uni.createFrom().deferred(() -> findDocument(connection, request));
    }

    private Uni<IssuedDocument> issueDocument(Connection connection, DocumentRequest request) {
        requireOrder(request);
        int type = documentType(request);
        OrderSnapshot order = request.order();
        Uni<Map<String, Long>> products = productIds(connection, order);
        // a credit note or guía of a factura goes to the factura's customer too
        Uni<Long> customer = isFactura(type) || request.original() != null && isFactura(originalType(request))
                ? customerId(connection, order).map(Long::valueOf) : Uni.createFrom().nullItem();
        return Uni.combine().all().unis(products, customer).asTuple()
                .chain(t -> clients.call(connection, "issue document", false,
                        api -> api.createDte(body(request, type, t.getItem1(), t.getItem2(), today()))))
                .map(one -> toIssued(one.data()));
    }

    private Uni<Optional<IssuedDocument>> findDocument(Connection connection, DocumentRequest request) {
        requireOrder(request);
        int type = documentType(request);
        String label = label(request.orderId());
        LocalDate today = today();
        LocalDate since = request.order().createdAt() != null
                ? request.order().createdAt().atZoneSameInstant(CHILE).toLocalDate().minusDays(1) : today.minusDays(90);
        return clients.all(connection, "find document",
                        (api, page) -> api.dtes(type, since, today.plusDays(1), null, page, RelbaseClients.PAGE_SIZE))
                .filter(d -> label.equals(d.labelValue()))
                .toUni()
                .map(d -> Optional.ofNullable(d == null ? null : toIssued(d)));
    }

    // ---- mapping, kept pure for unit tests ----

    static String label(String orderId) {
        return "Pedido #" + orderId;
    }

    static LocalDate today() {
        return LocalDate.now(CHILE);
    }

    private static void requireOrder(DocumentRequest request) {
        if (request.order() == null) {
            throw ApiException.unprocessable("a relBase document is issued from the order, and the request has none");
        }
        if (request.purpose() != DocumentPurpose.SALE && request.original() == null) {
            throw ApiException.unprocessable("a relBase " + request.purpose() + " refers to the sale document,"
                    + " and the request has none");
        }
    }

    private static boolean isFactura(int type) {
        return type == FACTURA || type == FACTURA_EXENTA;
    }

    /**
     * The tenant's configured type (DO2) wins; else a nota de crédito (DO3) or guía (DO4) by purpose,
     * and for a sale what the buyer asked for at checkout (DO6).
     */
    static int documentType(DocumentRequest request) {
        if (request.documentType() != null && !request.documentType().isBlank()) {
            try {
                return Integer.parseInt(request.documentType().trim());
            } catch (NumberFormatException e) {
                throw ApiException.unprocessable("relBase document types are numbers (33, 39, 1001), not '"
                        + request.documentType() + "'");
            }
        }
        if (request.purpose() == DocumentPurpose.CREDIT_NOTE) {
            return NOTA_DE_CREDITO;
        }
        if (request.purpose() == DocumentPurpose.DISPATCH_GUIDE) {
            return GUIA_DE_DESPACHO;
        }
        BillingChoice billing = request.order() == null ? null : request.order().billing();
        DocumentKind kind = billing == null ? DocumentKind.RECEIPT : billing.documentKind();
        return switch (kind) {
            case INVOICE -> FACTURA;
            case SALES_NOTE -> NOTA_DE_VENTA;
            case RECEIPT -> BOLETA;
        };
    }

    static NewDte body(DocumentRequest request, int type, Map<String, Long> productIds, Long customerId, LocalDate date) {
        OrderSnapshot order = request.order();
        Map<String, String> settings = request.settings() == null ? Map.of() : request.settings();
        // relBase takes one price basis per document: gross when the store's prices include IVA
        boolean gross = order.lines().stream().allMatch(OrderLine::taxIncluded);
        List<NewDte.Line> lines = new ArrayList<>();
        for (OrderLine l : order.lines()) {
            lines.add(new NewDte.Line(productIds.get(l.sku()), l.quantity(), price(l, gross), discountPercent(l),
                    l.taxRate() == null || l.taxRate().signum() > 0));
        }
        Long shippingProduct = longSetting(settings, "shippingProductId");
        if (shippingProduct != null && order.shipping() != null && order.shipping().amount().signum() > 0) {
            lines.add(new NewDte.Line(shippingProduct, BigDecimal.ONE, order.shipping().amount(), null, true));
        }
        Integer sii = type == NOTA_DE_VENTA
                ? (order.billing() != null && order.billing().documentKind() == DocumentKind.INVOICE ? FACTURA : BOLETA)
                : Integer.valueOf(type);
        return new NewDte(type, sii, date, date, customerId, longSetting(settings, "channel"),
                longSetting(settings, "paymentType"), longSetting(settings, "office"), gross, label(order.orderId()),
                "Enlace: " + order.system() + " order " + order.orderId(), lines, references(request),
                request.purpose() == DocumentPurpose.DISPATCH_GUIDE ? Integer.valueOf(TRASLADO_VENTA) : null);
    }

    /** A credit note annuls the sale document (CodRef 1); a guía just names it. */
    static List<NewDte.Reference> references(DocumentRequest request) {
        IssuedDocument sale = request.original();
        if (request.purpose() == DocumentPurpose.SALE || sale == null) {
            return null;
        }
        boolean annuls = request.purpose() == DocumentPurpose.CREDIT_NOTE;
        LocalDate date = sale.issuedAt() == null ? today() : sale.issuedAt().atZoneSameInstant(CHILE).toLocalDate();
        long folio;
        try {
            folio = Long.parseLong(sale.folio());
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable("the sale document's folio '" + sale.folio() + "' is not a relBase folio");
        }
        return List.of(new NewDte.Reference(originalType(request), folio, date, annuls ? Integer.valueOf(ANULA) : null,
                annuls ? "Anula documento" : null));
    }

    /** The sale's type as relBase issued it (39, 33, 1001...). */
    static int originalType(DocumentRequest request) {
        try {
            return Integer.parseInt(request.original().documentType());
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable("the sale document's type '" + request.original().documentType()
                    + "' is not a relBase document type");
        }
    }

    /** CLP has no decimals: gross prices are whole pesos; a line on the other basis is converted at its rate. */
    static BigDecimal price(OrderLine l, boolean gross) {
        BigDecimal price = l.unitPrice().amount();
        BigDecimal factor = BigDecimal.ONE.add((l.taxRate() == null ? BigDecimal.ZERO : l.taxRate()).divide(HUNDRED));
        if (gross && !l.taxIncluded()) {
            price = price.multiply(factor);
        } else if (!gross && l.taxIncluded()) {
            price = price.divide(factor, 6, RoundingMode.HALF_UP);
        }
        return gross ? price.setScale(0, RoundingMode.HALF_UP) : price.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Discounts go per line (seed text); relBase's line {@code discount} is read as a percentage. */
    static BigDecimal discountPercent(OrderLine l) {
        if (l.discount() == null || l.discount().amount().signum() == 0) {
            return null;
        }
        BigDecimal gross = l.unitPrice().amount().multiply(l.quantity());
        return gross.signum() == 0 ? null
                : l.discount().amount().multiply(HUNDRED).divide(gross, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static Long longSetting(Map<String, String> settings, String name) {
        String v = settings.get(name);
        try {
            return v == null || v.isBlank() ? null : Long.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable("document setting '" + name + "' must be a relBase id, not '" + v + "'");
        }
    }

    static IssuedDocument toIssued(RelbaseDte d) {
        Map<String, String> references = new LinkedHashMap<>();
        if (d.typeDocumentSii() != null) {
            references.put("typeDocumentSii", String.valueOf(d.typeDocumentSii()));
        }
        if (d.products() != null) {
            d.products().forEach(p -> references.put("product:" + p.code(), String.valueOf(p.productId())));
        }
        return new IssuedDocument(String.valueOf(d.id()), String.valueOf(d.typeDocument()), String.valueOf(d.folio()),
                clp(d.amountNeto()), clp(d.amountIva()), clp(d.amountTotal()),
                d.pdfFile() == null ? null : d.pdfFile().url(), d.createdAt(), references);
    }

    private static Money clp(BigDecimal amount) {
        return new Money(amount == null ? BigDecimal.ZERO : amount, CLP);
    }

    // ---- lookups ----

    /** Every line's SKU must be a relBase product; else the order waits (seed text: "Pendiente"). */
    private Uni<Map<String, Long>> productIds(Connection connection, OrderSnapshot order) {
        if (order.lines() == null || order.lines().isEmpty()) {
            return Uni.createFrom().failure(ApiException.unprocessable("order " + order.orderId() + " has no lines"));
        }
        List<String> skus = order.lines().stream().map(OrderLine::sku).distinct().toList();
        return Multi.createFrom().iterable(skus)
                .onItem().transformToUniAndConcatenate(sku -> RelbaseProducts.bySku(clients, connection, sku)
                        .map(p -> Map.entry(sku, p.map(RelbaseProduct::id).orElse(-1L))))
                .collect().asList()
                .map(entries -> {
                    String missing = entries.stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey)
                            .collect(Collectors.joining(", "));
                    if (!missing.isEmpty()) {
                        throw ApiException.unprocessable("SKUs not in relBase: " + missing);
                    }
                    return entries.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                });
    }

    /** A factura needs a customer with RUT, razón social, giro and address: found by RUT, else created. */
    private Uni<Long> customerId(Connection connection, OrderSnapshot order) {
        BillingChoice billing = order.billing();
        String rut = billing != null && billing.taxId() != null ? billing.taxId()
                : order.customer() == null ? null : order.customer().taxId();
        if (rut == null || rut.isBlank()) {
            return Uni.createFrom().failure(ApiException.unprocessable("a factura needs the buyer's RUT (DO6)"));
        }
        String normalized = rut.replace(".", "").trim().toUpperCase();
        return clients.all(connection, "find customer", (api, page) -> api.customers(normalized, page, RelbaseClients.PAGE_SIZE))
                .filter(c -> c.rut() != null && normalized.equals(c.rut().replace(".", "").toUpperCase()))
                .toUni()
                .chain(found -> found != null ? Uni.createFrom().item(found.id())
                        : clients.call(connection, "create customer", false,
                                api -> api.createCustomer(newCustomer(order, normalized))).map(one -> one.data().id()));
    }

    static RelbaseCustomer newCustomer(OrderSnapshot order, String rut) {
        BillingChoice billing = order.billing();
        String name = billing != null && billing.companyName() != null ? billing.companyName()
                : order.customer() == null ? null : order.customer().companyName();
        String activity = billing != null && billing.activity() != null ? billing.activity()
                : order.customer() == null ? null : order.customer().activity();
        Address a = order.shippingAddress();
        String address = a == null ? null : Stream.of(a.street(), a.municipality(), a.city())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return new RelbaseCustomer(null, rut, name, activity, address,
                order.customer() == null ? null : order.customer().phone());
    }
}
