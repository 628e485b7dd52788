package dev.enlace.connector.bsale.simulator;

import dev.enlace.simulator.ChileanRut;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.bsale.simulator.Model.*;
import dev.enlace.simulator.RateWindow;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Bsale account (instance, {@code cpnId}) with everything it owns. Every method must be
 * called while holding this object's monitor: handlers on several event loops share it.
 */
final class Company {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final double EPS = 1e-9;
    private static final double IVA = 0.19;
    private static final ZoneId CHILE = ZoneId.of("America/Santiago");
    private static final String CLIENT_REQUIRED = "client attribute required : code,activity,address,city,municipality";

    final long cpnId;
    final String code;
    final String name;
    final RateWindow rate;
    final Webhooks webhooks;
    private final Clock clock;

    final Set<String> tokens = new LinkedHashSet<>();
    // Read before taking the monitor on every request, hence volatile.
    volatile boolean blocked;
    volatile double faultFraction;
    volatile int faultStatus = 500;

    private final Map<String, Long> sequences = new HashMap<>();
    final Map<Long, Office> offices = new LinkedHashMap<>();
    final Map<Long, Product> products = new LinkedHashMap<>();
    final Map<Long, Variant> variants = new LinkedHashMap<>();
    final Map<Long, Stock> stocks = new LinkedHashMap<>();
    private final Map<Long, Map<Long, Stock>> stockByVariant = new HashMap<>();
    private final Map<String, List<Variant>> variantsByCode = new HashMap<>();
    private final Map<String, List<Variant>> variantsByBarCode = new HashMap<>();
    final Map<Long, DocumentType> documentTypes = new LinkedHashMap<>();
    final Map<Long, PaymentType> paymentTypes = new LinkedHashMap<>();
    final Map<Long, Tax> taxes = new LinkedHashMap<>();
    final Map<Long, PriceList> priceLists = new LinkedHashMap<>();
    final Map<Long, PriceDetail> priceDetails = new HashMap<>();
    final Map<Long, Client> clients = new LinkedHashMap<>();
    final Map<Long, Document> documents = new LinkedHashMap<>();
    final Map<Long, DocumentDetail> documentDetails = new HashMap<>();
    final Map<Long, Return> returns = new LinkedHashMap<>();
    final Map<Long, Shipping> shippings = new LinkedHashMap<>();
    final Map<Long, StockMove> receptions = new LinkedHashMap<>();
    final Map<Long, StockMove> consumptions = new LinkedHashMap<>();
    final Map<Long, MoveDetail> receptionDetails = new HashMap<>();
    final Map<Long, MoveDetail> consumptionDetails = new HashMap<>();
    final List<ConsumptionType> consumptionTypes = new ArrayList<>();
    final Map<Long, ShippingType> shippingTypes = new LinkedHashMap<>();

    Company(long cpnId, String code, String name, RateWindow rate, Webhooks webhooks, Clock clock) {
        this.cpnId = cpnId;
        this.code = code;
        this.name = name;
        this.rate = rate;
        this.webhooks = webhooks;
        this.clock = clock;
        setUpCatalogues();
    }

    // ---- reference data every new account starts with ----

    private void setUpCatalogues() {
        Tax iva = new Tax();
        iva.id = next("tax");
        iva.name = "IVA";
        iva.percentage = "19.0";
        iva.code = "14";
        iva.forAllProducts = 1;
        taxes.put(iva.id, iva);

        PriceList base = new PriceList();
        base.id = next("priceList");
        base.name = "Lista de Precios Base";
        priceLists.put(base.id, base);

        Office main = new Office();
        main.name = "Casa Matriz";
        main.address = "Av. Providencia 1234";
        main.municipality = "Providencia";
        main.city = "Santiago";
        addOffice(main);

        // Ids deliberately differ from SII codes: clients must discover them (bsale.md §2).
        docType("FACTURA ELECTRÓNICA", "33", 0, t -> t.useClient = 1);
        docType("NOTA DE VENTA", "0", 0, t -> {
            t.isElectronicDocument = 0;
            t.isSalesNote = 1;
        });
        docType("FACTURA NO AFECTA O EXENTA ELECTRÓNICA", "34", 0, t -> {
            t.useClient = 1;
            t.isExempt = 1;
        });
        docType("FACTURA", "30", 0, t -> {
            t.isElectronicDocument = 0;
            t.useClient = 1;
            t.state = 1;
        });
        docType("BOLETA ELECTRÓNICA", "39", 0, t -> { });
        docType("BOLETA EXENTA ELECTRÓNICA", "41", 0, t -> t.isExempt = 1);
        docType("NOTA DE CRÉDITO ELECTRÓNICA", "61", 1, t -> {
            t.isCreditNote = 1;
            t.useClient = 1;
        });
        docType("GUÍA DE DESPACHO ELECTRÓNICA", "52", 2, t -> { });

        payType("Efectivo", p -> p.isCash = 1);
        payType("Tarjeta de Crédito", p -> { });
        payType("Tarjeta de Débito", p -> { });
        payType("Transferencia Bancaria", p -> { });
        payType("Cheque", p -> p.isCheck = 1);
        payType("Crédito Cliente", p -> p.isClientCredit = 1);
        payType("Nota de Crédito", p -> p.isCreditNote = 1);
        payType("Venta Web", p -> p.isVirtual = 1);

        consumptionTypes.add(new ConsumptionType(1, "Merma", 1, "MERMA"));
        consumptionTypes.add(new ConsumptionType(2, "Consumo interno", 1, "CONSUMO_INTERNO"));
        consumptionTypes.add(new ConsumptionType(3, "Ajuste de inventario", 1, "AJUSTE"));
        consumptionTypes.add(new ConsumptionType(4, "Producto vencido", 1, "VENCIMIENTO"));

        String[] transfers = {"Operación constituye venta", "Ventas por efectuar", "Consignaciones",
                "Entrega gratuita", "Traslados internos", "Otros traslados no venta", "Guía de devolución",
                "Traslado para exportación", "Venta para exportación"};
        for (int i = 0; i < transfers.length; i++) {
            shippingTypes.put((long) i + 1, new ShippingType(i + 1, transfers[i], String.valueOf(i + 1), 0));
        }
    }

    private void docType(String name, String codeSii, int use, java.util.function.Consumer<DocumentType> tune) {
        DocumentType t = new DocumentType();
        t.id = next("documentType");
        t.name = name;
        t.codeSii = codeSii;
        t.use = use;
        tune.accept(t);
        documentTypes.put(t.id, t);
    }

    private void payType(String name, java.util.function.Consumer<PaymentType> tune) {
        PaymentType p = new PaymentType();
        p.id = next("paymentType");
        p.name = name;
        tune.accept(p);
        paymentTypes.put(p.id, p);
    }

    long next(String table) {
        return sequences.merge(table, 1L, Long::sum);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** Document dates carry no time zone: today's Chilean calendar date at 00:00 UTC (bsale.md §1). */
    long today() {
        return LocalDate.now(clock.withZone(CHILE)).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** Stock move dates in the docs' examples are local midnights (1407297600 = 2014-08-06 00:00 in Chile). */
    long localMidnight() {
        return LocalDate.now(clock.withZone(CHILE)).atStartOfDay(CHILE).toEpochSecond();
    }

    // ---- offices, products, variants ----

    Office addOffice(Office o) {
        o.id = next("office");
        if (o.defaultPriceList == null) {
            o.defaultPriceList = priceLists.values().iterator().next();
        }
        offices.put(o.id, o);
        for (Variant v : variants.values()) {
            newStockRow(v, o);
        }
        return o;
    }

    Product addProduct(Product p, boolean notify) {
        p.id = next("product");
        products.put(p.id, p);
        if (notify) {
            notifyResource("product", "post", "/v2/products/" + p.id + ".json", p.id);
        }
        return p;
    }

    Variant addVariant(Variant v, boolean notify) {
        v.id = next("variant");
        variants.put(v.id, v);
        v.product.variants.add(v);
        index(v);
        for (Office o : offices.values()) {
            newStockRow(v, o);
        }
        for (PriceList pl : priceLists.values()) {
            PriceDetail d = new PriceDetail();
            d.id = next("priceDetail");
            d.list = pl;
            d.variant = v;
            pl.byVariant.put(v.id, d);
            priceDetails.put(d.id, d);
        }
        if (notify) {
            notifyResource("variant", "post", "/v2/variants/" + v.id + ".json", v.id);
        }
        return v;
    }

    private void newStockRow(Variant v, Office o) {
        Stock s = new Stock();
        s.id = next("stock");
        s.variant = v;
        s.office = o;
        stocks.put(s.id, s);
        stockByVariant.computeIfAbsent(v.id, k -> new LinkedHashMap<>()).put(o.id, s);
    }

    private void index(Variant v) {
        if (!v.code.isEmpty()) {
            variantsByCode.computeIfAbsent(v.code, k -> new ArrayList<>()).add(v);
        }
        if (!v.barCode.isEmpty()) {
            variantsByBarCode.computeIfAbsent(v.barCode, k -> new ArrayList<>()).add(v);
        }
    }

    private void unindex(Variant v) {
        List<Variant> byCode = variantsByCode.get(v.code);
        if (byCode != null) {
            byCode.remove(v);
        }
        List<Variant> byBar = variantsByBarCode.get(v.barCode);
        if (byBar != null) {
            byBar.remove(v);
        }
    }

    List<Variant> variantsByCode(String code) {
        return variantsByCode.getOrDefault(code, List.of());
    }

    List<Variant> variantsByBarCode(String barCode) {
        return variantsByBarCode.getOrDefault(barCode, List.of());
    }

    Stock stock(Variant v, Office o) {
        return stockByVariant.get(v.id).get(o.id);
    }

    java.util.Collection<Stock> stocksOf(Variant v) {
        return stockByVariant.getOrDefault(v.id, Map.of()).values();
    }

    Product createProduct(JsonNode b) {
        String productName = J.text(b, "name", null);
        if (productName == null) {
            throw ApiError.badRequest("name is required");
        }
        Product p = new Product();
        p.name = productName;
        p.description = J.text(b, "description", "");
        p.classification = J.flag(b, "classification", 0);
        p.stockControl = J.flag(b, "stockControl", p.classification == 1 ? 0 : 1);
        p.allowDecimal = J.flag(b, "allowDecimal", 0);
        p.printDetailPack = J.flag(b, "printDetailPack", 0);
        Long type = J.optLong(b, "productTypeId");
        p.productTypeId = type == null ? 1 : type;
        addProduct(p, true);
        // A product always has at least one variant (bsale.md §3); it starts without a SKU.
        Variant v = new Variant();
        v.product = p;
        addVariant(v, true);
        return p;
    }

    Product updateProduct(Product p, JsonNode b) {
        p.name = J.text(b, "name", p.name);
        p.description = J.text(b, "description", p.description);
        p.classification = J.flag(b, "classification", p.classification);
        p.stockControl = J.flag(b, "stockControl", p.stockControl);
        p.allowDecimal = J.flag(b, "allowDecimal", p.allowDecimal);
        p.state = J.flag(b, "state", p.state);
        Long type = J.optLong(b, "productTypeId");
        p.productTypeId = type == null ? p.productTypeId : type;
        notifyResource("product", "put", "/v2/products/" + p.id + ".json", p.id);
        return p;
    }

    Product deleteProduct(Product p) {
        p.state = 1;
        notifyResource("product", "put", "/v2/products/" + p.id + ".json", p.id);
        return p;
    }

    Variant createVariant(JsonNode b) {
        Long productId = J.optLong(b, "productId");
        Product p = productId == null ? null : products.get(productId);
        if (p == null) {
            throw ApiError.badRequest("invalid product");
        }
        Variant v = new Variant();
        v.product = p;
        applyVariantFields(v, b);
        return addVariant(v, true);
    }

    Variant updateVariant(Variant v, JsonNode b) {
        unindex(v);
        applyVariantFields(v, b);
        v.state = J.flag(b, "state", v.state);
        index(v);
        notifyResource("variant", "put", "/v2/variants/" + v.id + ".json", v.id);
        return v;
    }

    Variant deleteVariant(Variant v) {
        v.state = 99;
        notifyResource("variant", "put", "/v2/variants/" + v.id + ".json", v.id);
        return v;
    }

    private static void applyVariantFields(Variant v, JsonNode b) {
        v.description = J.text(b, "description", v.description);
        v.code = J.text(b, "code", v.code);
        v.barCode = J.text(b, "barCode", v.barCode);
        v.unlimitedStock = J.flag(b, "unlimitedStock", v.unlimitedStock);
        v.allowNegativeStock = J.flag(b, "allowNegativeStock", v.allowNegativeStock);
        v.serialNumber = J.flag(b, "serialNumber", v.serialNumber);
    }

    /**
     * The variant a detail line names by {@code variantId} (or {@code id} where allowed),
     * {@code code} or {@code barCode}; null for a free-text line.
     */
    Variant variantOf(JsonNode d, boolean idAlias) {
        Long id = J.optLong(d, "variantId");
        if (id == null && idAlias) {
            id = J.optLong(d, "id");
        }
        Variant found;
        if (id != null) {
            found = variants.get(id);
        } else if (J.has(d, "code")) {
            found = firstActive(variantsByCode(d.get("code").asText()));
        } else if (J.has(d, "barCode")) {
            found = firstActive(variantsByBarCode(d.get("barCode").asText()));
        } else {
            return null;
        }
        if (found == null || found.state != 0) {
            throw ApiError.badRequest("invalid variant");
        }
        return found;
    }

    private static Variant firstActive(List<Variant> candidates) {
        return candidates.stream().filter(v -> v.state == 0).findFirst().orElse(null);
    }

    private Office officeOf(JsonNode b, String field) {
        Long id = J.optLong(b, field);
        if (id == null) {
            return offices.values().stream().filter(o -> o.state == 0).findFirst()
                    .orElseThrow(() -> ApiError.badRequest("invalid office"));
        }
        Office o = offices.get(id);
        if (o == null || o.state != 0) {
            throw ApiError.badRequest("invalid office");
        }
        return o;
    }

    private static List<JsonNode> detailsOf(JsonNode b) {
        JsonNode details = b.get("details");
        if (details == null || !details.isArray() || details.isEmpty()) {
            throw ApiError.badRequest("the json does not have details");
        }
        List<JsonNode> out = new ArrayList<>();
        details.forEach(out::add);
        return out;
    }

    private static double positiveQuantity(JsonNode d, Variant v) {
        double q = J.num(d, "quantity", Double.NaN);
        if (Double.isNaN(q) || q <= 0) {
            throw ApiError.badRequest("invalid quantity");
        }
        if (v != null && v.product.allowDecimal == 0 && q != Math.rint(q)) {
            throw ApiError.badRequest("the product does not allow decimal quantities: \"" + v.code + "\"");
        }
        return q;
    }

    // ---- stock moves ----

    StockMove receive(JsonNode b) {
        Office office = officeOf(b, "officeId");
        List<JsonNode> lines = detailsOf(b);
        List<Variant> vs = new ArrayList<>();
        List<Double> qs = new ArrayList<>();
        for (JsonNode d : lines) {
            Variant v = variantOf(d, true);
            if (v == null) {
                throw ApiError.badRequest("invalid variant");
            }
            vs.add(v);
            qs.add(positiveQuantity(d, v));
        }
        StockMove m = new StockMove();
        m.id = next("reception");
        m.date = localMidnight();
        m.document = J.text(b, "document", "Otro");
        m.documentNumber = J.text(b, "documentNumber", "");
        m.note = J.text(b, "note", "");
        m.office = office;
        Set<Stock> touched = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Variant v = vs.get(i);
            double q = qs.get(i);
            double cost = J.num(lines.get(i), "cost", v.averageCost);
            Stock s = stock(v, office);
            if (v.tracksStock()) {
                s.quantity += q;
                touched.add(s);
            }
            if (cost > 0) {
                v.averageCost = (v.averageCost * v.costedQuantity + cost * q) / (v.costedQuantity + q);
                v.costedQuantity += q;
            }
            MoveDetail md = moveDetail("receptionDetail", v, q, cost, s.quantity);
            md.serialNumber = J.text(lines.get(i), "serialNumber", null);
            m.details.add(md);
            receptionDetails.put(md.id, md);
        }
        receptions.put(m.id, m);
        touched.forEach(this::notifyStock);
        return m;
    }

    StockMove consume(JsonNode b) {
        Office office = officeOf(b, "officeId");
        Long typeId = J.optLong(b, "consumptionTypeId");
        if (typeId != null && consumptionTypes.stream().noneMatch(t -> t.cntId() == typeId && t.cntActive() == 1)) {
            throw ApiError.badRequest("invalid consumption type");
        }
        List<JsonNode> lines = detailsOf(b);
        Map<Variant, Double> wanted = new LinkedHashMap<>();
        List<Variant> vs = new ArrayList<>();
        List<Double> qs = new ArrayList<>();
        for (JsonNode d : lines) {
            Variant v = variantOf(d, false);
            if (v == null) {
                throw ApiError.badRequest("invalid variant");
            }
            double q = positiveQuantity(d, v);
            vs.add(v);
            qs.add(q);
            wanted.merge(v, q, Double::sum);
        }
        // A consumption is all or nothing: check every line before moving anything.
        List<String> missing = new ArrayList<>();
        wanted.forEach((v, q) -> {
            if (v.tracksStock() && !v.mayGoNegative() && stock(v, office).quantity + EPS < q) {
                missing.add(v.code);
            }
        });
        noStockCheck(missing);
        StockMove m = new StockMove();
        m.id = next("consumption");
        m.date = localMidnight();
        m.note = J.text(b, "note", "");
        m.office = office;
        m.consumptionTypeId = typeId;
        Set<Stock> touched = new LinkedHashSet<>();
        for (int i = 0; i < vs.size(); i++) {
            Variant v = vs.get(i);
            Stock s = stock(v, office);
            if (v.tracksStock()) {
                s.quantity -= qs.get(i);
                touched.add(s);
            }
            MoveDetail md = moveDetail("consumptionDetail", v, qs.get(i), v.averageCost, s.quantity);
            m.details.add(md);
            consumptionDetails.put(md.id, md);
        }
        consumptions.put(m.id, m);
        touched.forEach(this::notifyStock);
        return m;
    }

    private MoveDetail moveDetail(String table, Variant v, double q, double cost, double after) {
        MoveDetail md = new MoveDetail();
        md.id = next(table);
        md.variant = v;
        md.quantity = q;
        md.cost = cost;
        md.variantStock = after;
        return md;
    }

    private static void noStockCheck(List<String> missingCodes) {
        if (!missingCodes.isEmpty()) {
            throw ApiError.badRequest("There is no stock for this products: "
                    + String.join(", ", missingCodes.stream().map(c -> "\"" + c + "\"").toList()));
        }
    }

    /** Admin inventory count: sets the physical quantity like a stock take and notifies. */
    Stock setStock(Variant v, Office o, double quantity) {
        Stock s = stock(v, o);
        s.quantity = quantity;
        notifyStock(s);
        return s;
    }

    // ---- clients ----

    Client createClient(JsonNode b) {
        Client c = new Client();
        applyClient(c, b);
        validateRut(c);
        c.id = next("client");
        clients.put(c.id, c);
        return c;
    }

    Client updateClient(Client c, JsonNode b) {
        applyClient(c, b);
        c.state = J.flag(b, "state", c.state);
        validateRut(c);
        return c;
    }

    private static void validateRut(Client c) {
        if (!c.code.isEmpty() && c.isForeigner == 0 && !ChileanRut.isValid(c.code)) {
            throw ApiError.badRequest("invalid client code (RUT): \"" + c.code + "\"");
        }
    }

    private static void applyClient(Client c, JsonNode b) {
        c.firstName = J.text(b, "firstName", c.firstName);
        c.lastName = J.text(b, "lastName", c.lastName);
        c.email = J.text(b, "email", c.email);
        c.phone = J.text(b, "phone", c.phone);
        c.code = J.text(b, "code", c.code);
        c.company = J.text(b, "company", c.company);
        c.activity = J.text(b, "activity", c.activity);
        c.address = J.text(b, "address", c.address);
        c.city = J.text(b, "city", c.city);
        c.municipality = J.text(b, "municipality", c.municipality);
        c.companyOrPerson = J.flag(b, "companyOrPerson", c.companyOrPerson);
        c.hasCredit = J.flag(b, "hasCredit", c.hasCredit);
        c.maxCredit = J.num(b, "maxCredit", c.maxCredit);
        c.sendDte = J.flag(b, "sendDte", c.sendDte);
        c.isForeigner = J.flag(b, "isForeigner", c.isForeigner);
    }

    /**
     * The client of a document: {@code clientId}, or the inline {@code client} matched by code
     * (created when new). Bsale refuses documents whose code matches several clients.
     */
    private Client documentClient(JsonNode b, DocumentType type, Client fallback) {
        Client c;
        Long clientId = J.optLong(b, "clientId");
        JsonNode inline = b.get("client");
        if (clientId != null) {
            c = clients.get(clientId);
            if (c == null) {
                throw ApiError.badRequest("invalid client");
            }
        } else if (inline != null && inline.isObject()) {
            Client probe = new Client();
            applyClient(probe, inline);
            validateRut(probe);
            List<Client> same = probe.code.isEmpty() ? List.of()
                    : clients.values().stream().filter(x -> x.code.equals(probe.code) && x.state == 0).toList();
            if (same.size() > 1) {
                throw ApiError.badRequest("There are more than a client with the code \"" + probe.code
                        + "\", client id: \"" + same.get(0).id + "\"");
            }
            // A new client is only stored once the whole document is accepted (see keep()).
            c = same.size() == 1 ? same.get(0) : probe;
        } else {
            c = fallback;
        }
        if (type.useClient == 1 && (c == null || !complete(c))) {
            throw ApiError.badRequest(CLIENT_REQUIRED);
        }
        return c;
    }

    /** Stores a client first seen inline on a document that passed every check. */
    private Client keep(Client c) {
        if (c != null && c.id == 0) {
            c.id = next("client");
            clients.put(c.id, c);
        }
        return c;
    }

    private static boolean complete(Client c) {
        return !c.code.isEmpty() && !c.company.isEmpty() && !c.activity.isEmpty() && !c.address.isEmpty()
                && !c.city.isEmpty() && !c.municipality.isEmpty();
    }

    // ---- documents ----

    private DocumentType documentType(JsonNode b, int use, String defaultCodeSii) {
        Long id = J.optLong(b, "documentTypeId");
        String codeSii = J.text(b, "codeSii", id == null ? defaultCodeSii : null);
        DocumentType t = null;
        if (id != null) {
            t = documentTypes.get(id);
        } else if (codeSii != null) {
            t = documentTypes.values().stream().filter(x -> x.codeSii.equals(codeSii) && x.state == 0)
                    .findFirst().orElse(null);
        }
        if (t == null || t.state != 0 || t.use != use) {
            throw ApiError.badRequest("invalid documentType");
        }
        return t;
    }

    private static void checkFolios(DocumentType t) {
        if (t.isElectronicDocument == 1 && t.lastNumber >= t.cafLast) {
            throw ApiError.badRequest("does not have numbers available, check sii caf");
        }
    }

    /** Zero is refused on electronic tax documents, negatives everywhere (bsale.md §1 errors, §11). */
    private static void checkNet(DocumentType t, double net) {
        if (net < 0 || (net == 0 && t.isElectronicDocument == 1)) {
            throw ApiError.badRequest(
                    "Invalid net unit value, zero or negative values are not allowed for this type of document");
        }
    }

    private double taxRate(JsonNode d, DocumentType t) {
        if (t.isExempt == 1) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        JsonNode taxId = d.get("taxId");
        JsonNode inlineTaxes = d.get("taxes");
        if (taxId != null && !taxId.isNull()) {
            String raw = taxId.isArray() ? taxId.toString() : taxId.asText();
            for (String part : raw.replace("[", "").replace("]", "").split(",")) {
                if (!part.isBlank()) {
                    try {
                        ids.add(Long.parseLong(part.trim()));
                    } catch (NumberFormatException e) {
                        throw ApiError.badRequest("invalid taxId");
                    }
                }
            }
        } else if (inlineTaxes != null && inlineTaxes.isArray()) {
            double rate = 0;
            for (JsonNode tx : inlineTaxes) {
                rate += J.num(tx, "percentage", 0) / 100.0;
            }
            return rate;
        } else {
            return taxes.values().stream().filter(x -> x.forAllProducts == 1 && x.state == 0)
                    .mapToDouble(x -> Double.parseDouble(x.percentage) / 100.0).sum();
        }
        double rate = 0;
        for (Long id : ids) {
            Tax tax = taxes.get(id);
            if (tax == null || tax.state != 0) {
                throw ApiError.badRequest("invalid taxId");
            }
            rate += Double.parseDouble(tax.percentage) / 100.0;
        }
        return rate;
    }

    private record Line(Variant variant, String comment, double quantity, double net, double discount, double rate,
            DocumentDetail source) {
    }

    private Document newDocument(DocumentType t, Office o, Client c, JsonNode b, List<Line> lines) {
        Document doc = new Document();
        doc.id = next("document");
        doc.type = t;
        t.lastNumber++;
        doc.number = t.lastNumber;
        doc.emissionDate = J.optLong(b, "emissionDate") == null ? today() : J.optLong(b, "emissionDate");
        doc.expirationDate = J.optLong(b, "expirationDate") == null ? doc.emissionDate : J.optLong(b, "expirationDate");
        doc.generationDate = now();
        byte[] raw = new byte[12];
        RANDOM.nextBytes(raw);
        doc.token = HexFormat.of().formatHex(raw);
        doc.informedSii = J.flag(b, "declareSii", 0) == 1 && t.isElectronicDocument == 1 ? 1 : 0;
        doc.client = c;
        doc.office = o;
        double taxable = 0;
        double exempt = 0;
        double tax = 0;
        int n = 0;
        for (Line l : lines) {
            DocumentDetail d = new DocumentDetail();
            d.id = next("documentDetail");
            d.document = doc;
            d.lineNumber = ++n;
            d.variant = l.variant();
            d.comment = l.comment();
            d.quantity = l.quantity();
            d.netUnitValue = l.net();
            d.discount = l.discount();
            double gross = l.net() * l.quantity();
            double lineNet = gross * (1 - l.discount() / 100.0);
            d.netDiscount = Math.round(gross - lineNet);
            d.totalDiscount = Math.round((gross - lineNet) * (1 + l.rate()));
            d.netAmount = Math.round(lineNet);
            d.taxAmount = Math.round(lineNet * l.rate());
            d.totalAmount = Math.round(lineNet * (1 + l.rate()));
            d.totalUnitValue = Math.round(l.net() * (1 + l.rate()));
            d.taxRate = l.rate();
            if (l.rate() > 0) {
                taxable += lineNet;
                tax += lineNet * l.rate();
            } else {
                exempt += lineNet;
            }
            doc.details.add(d);
            documentDetails.put(d.id, d);
        }
        // Totals are rounded once at document level, as the bsale.md §7 example adds up.
        doc.netAmount = Math.round(taxable);
        doc.exemptAmount = Math.round(exempt);
        doc.taxAmount = Math.round(taxable == 0 ? 0 : doc.netAmount * (tax / taxable));
        doc.totalAmount = doc.netAmount + doc.exemptAmount + doc.taxAmount;
        JsonNode refs = b.get("references");
        if (refs != null && refs.isArray()) {
            for (JsonNode r : refs) {
                doc.references.add(new Reference(next("reference"), J.text(r, "number", ""),
                        J.optLong(r, "referenceDate") == null ? doc.emissionDate : J.optLong(r, "referenceDate"),
                        J.text(r, "reason", ""), J.text(r, "codeSii", "")));
            }
        }
        documents.put(doc.id, doc);
        return doc;
    }

    Document createDocument(JsonNode b) {
        DocumentType t = documentType(b, 0, null);
        Office office = officeOf(b, "officeId");
        PriceList pl = priceListFor(b, office);
        Client client = documentClient(b, t, null);
        boolean dispatch = J.flag(b, "dispatch", 0) == 1;
        List<Line> lines = new ArrayList<>();
        Map<Variant, Double> wanted = new LinkedHashMap<>();
        for (JsonNode d : detailsOf(b)) {
            Variant v = variantOf(d, false);
            double q = positiveQuantity(d, v);
            double net;
            if (J.has(d, "netUnitValue")) {
                net = J.num(d, "netUnitValue", 0);
            } else {
                PriceDetail pd = v == null ? null : pl.byVariant.get(v.id);
                net = pd == null ? 0 : pd.variantValue;
            }
            checkNet(t, net);
            double discount = J.num(d, "discount", 0);
            if (discount < 0 || discount > 100) {
                throw ApiError.badRequest("invalid discount");
            }
            lines.add(new Line(v, J.text(d, "comment", ""), q, net, discount, taxRate(d, t), null));
            if (v != null && v.tracksStock()) {
                wanted.merge(v, q, Double::sum);
            }
        }
        JsonNode payments = b.get("payments");
        List<PaymentType> payTypes = new ArrayList<>();
        if (payments != null && payments.isArray()) {
            for (JsonNode p : payments) {
                PaymentType pt = paymentTypes.get(J.optLong(p, "paymentTypeId"));
                if (pt == null || pt.state != 0) {
                    throw ApiError.badRequest("invalid payment type");
                }
                payTypes.add(pt);
            }
        }
        checkFolios(t);
        List<String> missing = new ArrayList<>();
        wanted.forEach((v, q) -> {
            if (!v.mayGoNegative() && stock(v, office).available() + EPS < q) {
                missing.add(v.code);
            }
        });
        noStockCheck(missing);

        Document doc = newDocument(t, office, keep(client), b, lines);
        // Echoed only: whether Bsale dedupes on it is unverified (bsale.md §7), so a repeat issues again.
        doc.salesId = J.text(b, "salesId", null);
        if (payments != null && payments.isArray()) {
            int i = 0;
            for (JsonNode p : payments) {
                doc.payments.add(new Payment(next("payment"), payTypes.get(i++), J.num(p, "amount", 0),
                        J.optLong(p, "recordDate") == null ? doc.emissionDate : J.optLong(p, "recordDate")));
            }
        }
        Set<Stock> touched = new LinkedHashSet<>();
        for (DocumentDetail d : doc.details) {
            if (d.variant == null || !d.variant.tracksStock()) {
                continue;
            }
            Stock s = stock(d.variant, office);
            if (dispatch) {
                s.quantity -= d.quantity;
                touched.add(s);
            } else {
                // Sold but not yet delivered: held until a guía (or a return) settles it.
                s.reserved += d.quantity;
                d.pendingDispatch = d.quantity;
            }
        }
        notifyDocument(doc);
        touched.forEach(this::notifyStock);
        return doc;
    }

    private PriceList priceListFor(JsonNode b, Office office) {
        Long id = J.optLong(b, "priceListId");
        if (id == null) {
            if (office.defaultPriceList == null) {
                throw ApiError.badRequest("Couldn't find ListaPrecio with 'id_lista_precio'=");
            }
            return office.defaultPriceList;
        }
        PriceList pl = priceLists.get(id);
        if (pl == null) {
            throw ApiError.badRequest("price list not found");
        }
        if (pl.state != 0) {
            throw ApiError.badRequest("invalid price list");
        }
        return pl;
    }

    /** A list made in Bsale's back office (the API cannot create one): every variant gets a detail, at 0. */
    PriceList addPriceList(String name) {
        PriceList pl = new PriceList();
        pl.id = next("priceList");
        pl.name = name;
        priceLists.put(pl.id, pl);
        for (Variant v : variants.values()) {
            PriceDetail d = new PriceDetail();
            d.id = next("priceDetail");
            d.list = pl;
            d.variant = v;
            pl.byVariant.put(v.id, d);
            priceDetails.put(d.id, d);
        }
        return pl;
    }

    PriceDetail updatePrice(PriceDetail d, JsonNode b) {
        double value = J.num(b, "variantValue", d.variantValue);
        if (value < 0) {
            throw ApiError.badRequest("invalid variantValue");
        }
        d.variantValue = value;
        ObjectNode p = basePayload("price", "put", "/v2/price_lists/" + d.list.id + "/details.json?variant="
                + d.variant.id, d.variant.id);
        p.put("priceListId", String.valueOf(d.list.id));
        p.put("send", now());
        webhooks.publish("price", p);
        return d;
    }

    static double gross(double net) {
        return Math.round(net * (1 + IVA));
    }

    // ---- returns (credit notes) ----

    Return createReturn(JsonNode b) {
        Long refId = J.optLong(b, "referenceDocumentId");
        Document ref = refId == null ? null : documents.get(refId);
        if (ref == null) {
            throw ApiError.badRequest("the json does not have reference document");
        }
        DocumentType t = documentType(b, 1, "61");
        if (t.isCreditNote != 1) {
            throw ApiError.badRequest("invalid documentType");
        }
        Office office = J.has(b, "officeId") ? officeOf(b, "officeId") : ref.office;
        int priceAdjustment = J.flag(b, "priceAdjustment", 0);
        int editTexts = J.flag(b, "editTexts", 0);
        Client client = documentClient(b, ref.type.useClient == 1 ? t : ref.type, ref.client);
        List<JsonNode> lines = detailsOf(b);
        List<Line> ncLines = new ArrayList<>();
        Map<Long, Double> returning = new HashMap<>();
        for (JsonNode d : lines) {
            Long detailId = J.optLong(d, "documentDetailId");
            DocumentDetail orig = detailId == null ? null : documentDetails.get(detailId);
            boolean belongs = orig != null && orig.document == ref;
            double q = J.num(d, "quantity", 0);
            double unitValue = J.num(d, "unitValue", 0);
            if (priceAdjustment == 0 && editTexts == 0) {
                if (q <= 0) {
                    throw ApiError.badRequest("invalid quantity");
                }
                double available = belongs ? orig.quantity - orig.returned - returning.getOrDefault(orig.id, 0.0) : 0.0;
                if (q > available + EPS) {
                    throw ApiError.badRequest("The quantity returned (" + q + ") is higher than the available ("
                            + available + ") for detail: " + detailId);
                }
                returning.merge(orig.id, q, Double::sum);
                ncLines.add(new Line(orig.variant, orig.comment, q, orig.netUnitValue, orig.discount,
                        orig.taxRate, orig));
            } else if (!belongs) {
                throw ApiError.badRequest("The quantity returned (" + q + ") is higher than the available (0.0) for detail: "
                        + detailId);
            } else if (priceAdjustment == 1) {
                checkNet(t, unitValue);
                ncLines.add(new Line(orig.variant, orig.comment, orig.quantity, unitValue, 0, orig.taxRate, orig));
            } else {
                ncLines.add(new Line(orig.variant, orig.comment, 1, 0, 0, 0, orig));
            }
        }
        checkFolios(t);
        ObjectNode ncBody = Webhooks.payload();
        ncBody.put("declareSii", J.flag(b, "declareSii", 0));
        if (J.has(b, "emissionDate")) {
            ncBody.put("emissionDate", J.optLong(b, "emissionDate"));
        }
        if (J.has(b, "expirationDate")) {
            ncBody.put("expirationDate", J.optLong(b, "expirationDate"));
        }
        Document nc = newDocument(t, office, keep(client), ncBody, ncLines);
        nc.references.add(new Reference(next("reference"), String.valueOf(ref.number), ref.emissionDate,
                J.text(b, "motive", ""), ref.type.codeSii));

        Return r = new Return();
        r.id = next("return");
        r.code = r.id;
        r.returnDate = nc.emissionDate;
        r.motive = J.text(b, "motive", "");
        r.type = J.flag(b, "type", 0);
        r.priceAdjustment = priceAdjustment;
        r.editTexts = editTexts;
        r.amount = nc.totalAmount;
        r.office = office;
        r.reference = ref;
        r.creditNote = nc;
        Set<Stock> touched = new LinkedHashSet<>();
        for (Line l : ncLines) {
            ReturnDetail rd = new ReturnDetail();
            rd.id = next("returnDetail");
            rd.original = l.source();
            rd.quantity = priceAdjustment == 0 && editTexts == 0 ? l.quantity() : 0;
            Variant v = l.variant();
            if (rd.quantity > 0) {
                l.source().returned += rd.quantity;
                if (v != null && v.tracksStock()) {
                    Stock s = stock(v, office);
                    // Units never delivered only free their reservation; delivered ones come back.
                    double release = l.source().document.office == office
                            ? Math.min(rd.quantity, l.source().pendingDispatch) : 0;
                    if (release > 0) {
                        Stock origin = stock(v, l.source().document.office);
                        origin.reserved -= release;
                        l.source().pendingDispatch -= release;
                    }
                    rd.quantityDevStock = rd.quantity - release;
                    s.quantity += rd.quantityDevStock;
                    touched.add(s);
                }
            }
            if (v != null) {
                rd.variantStock = stock(v, office).quantity;
                rd.variantCost = v.averageCost;
            }
            r.details.add(rd);
        }
        returns.put(r.id, r);
        notifyDocument(nc);
        touched.forEach(this::notifyStock);
        return r;
    }

    // ---- shippings (guías de despacho) ----

    Shipping createShipping(JsonNode b) {
        DocumentType t = documentType(b, 2, "52");
        Office office = officeOf(b, "officeId");
        Long typeId = J.optLong(b, "shippingTypeId");
        long shippingTypeId = typeId == null ? 1 : typeId;
        if (!shippingTypes.containsKey(shippingTypeId)) {
            throw ApiError.badRequest("invalid shipping type");
        }
        Office destination = null;
        if (J.has(b, "destinationOfficeId")) {
            destination = officeOf(b, "destinationOfficeId");
            if (destination == office) {
                throw ApiError.badRequest("invalid destination office");
            }
        }
        Client client = documentClient(b, t, null);
        List<Line> lines = new ArrayList<>();
        Map<Variant, Double> needed = new LinkedHashMap<>();
        for (JsonNode d : detailsOf(b)) {
            Long detailId = J.optLong(d, "detailId");
            DocumentDetail from = null;
            Variant v;
            double net;
            if (detailId != null) {
                from = documentDetails.get(detailId);
                if (from == null || from.document.type.use != 0) {
                    throw ApiError.badRequest("invalid detail: " + detailId);
                }
                v = from.variant;
                net = from.netUnitValue;
            } else {
                v = variantOf(d, false);
                if (v == null) {
                    throw ApiError.badRequest("invalid variant");
                }
                net = J.num(d, "netUnitValue", 0);
                if (net < 0) {
                    checkNet(t, net);
                }
            }
            double q = positiveQuantity(d, v);
            lines.add(new Line(v, from == null ? "" : from.comment, q, net, 0, t.isExempt == 1 ? 0 : IVA, from));
            if (v != null && v.tracksStock()) {
                double release = from != null && from.document.office == office ? Math.min(q, from.pendingDispatch) : 0;
                needed.merge(v, q - release, Double::sum);
            }
        }
        checkFolios(t);
        List<String> missing = new ArrayList<>();
        needed.forEach((v, q) -> {
            if (!v.mayGoNegative() && q > 0 && stock(v, office).available() + EPS < q) {
                missing.add(v.code);
            }
        });
        noStockCheck(missing);

        Document guide = newDocument(t, office, keep(client), b, lines);
        Shipping s = new Shipping();
        s.id = next("shipping");
        s.shippingDate = guide.emissionDate;
        s.address = J.text(b, "address", "");
        s.municipality = J.text(b, "municipality", "");
        s.city = J.text(b, "city", "");
        s.recipient = J.text(b, "recipient", "");
        s.office = office;
        s.destination = destination;
        s.shippingTypeId = shippingTypeId;
        s.guide = guide;
        Set<Stock> touched = new LinkedHashSet<>();
        for (Line l : lines) {
            ShippingDetail sd = new ShippingDetail();
            sd.id = next("shippingDetail");
            sd.variant = l.variant();
            sd.from = l.source();
            sd.quantity = l.quantity();
            Variant v = l.variant();
            if (v != null && v.tracksStock()) {
                Stock st = stock(v, office);
                DocumentDetail from = l.source();
                double release = from != null && from.document.office == office ? Math.min(l.quantity(), from.pendingDispatch) : 0;
                if (release > 0) {
                    st.reserved -= release;
                    from.pendingDispatch -= release;
                    sd.released = release;
                }
                st.quantity -= l.quantity();
                touched.add(st);
                if (destination != null) {
                    Stock in = stock(v, destination);
                    in.quantity += l.quantity();
                    touched.add(in);
                }
                sd.variantStock = st.quantity;
            }
            s.details.add(sd);
        }
        shippings.put(s.id, s);
        notifyDocument(guide);
        touched.forEach(this::notifyStock);
        return s;
    }

    /** Voids a guía (DELETE): stock goes back to the origin and reserved sale lines are pending again. */
    Shipping voidShipping(Shipping s) {
        if (s.state != 0) {
            throw ApiError.badRequest("the shipping is already void");
        }
        s.state = 1;
        s.guide.state = 1;
        Set<Stock> touched = new LinkedHashSet<>();
        for (ShippingDetail sd : s.details) {
            Variant v = sd.variant;
            if (v == null || !v.tracksStock()) {
                continue;
            }
            Stock st = stock(v, s.office);
            st.quantity += sd.quantity;
            if (sd.released > 0) {
                st.reserved += sd.released;
                sd.from.pendingDispatch += sd.released;
            }
            touched.add(st);
            if (s.destination != null) {
                Stock in = stock(v, s.destination);
                in.quantity -= sd.quantity;
                touched.add(in);
            }
        }
        touched.forEach(this::notifyStock);
        return s;
    }

    // ---- webhooks ----

    private ObjectNode basePayload(String topic, String action, String resource, long resourceId) {
        ObjectNode p = Webhooks.payload();
        p.put("cpnId", cpnId);
        p.put("resource", resource);
        p.put("resourceId", String.valueOf(resourceId));
        p.put("topic", topic);
        p.put("action", action);
        return p;
    }

    private void notifyResource(String topic, String action, String resource, long id) {
        ObjectNode p = basePayload(topic, action, resource, id);
        p.put("send", now());
        webhooks.publish(topic, p);
    }

    private void notifyStock(Stock s) {
        ObjectNode p = basePayload("stock", "put",
                "/v2/stocks.json?variant=" + s.variant.id + "&office=" + s.office.id, s.variant.id);
        p.put("officeId", String.valueOf(s.office.id));
        p.put("send", now());
        webhooks.publish("stock", p);
    }

    /** Shaped like the docs' document example, which carries no {@code send}. */
    private void notifyDocument(Document d) {
        ObjectNode p = basePayload("document", "post", "/documents/" + d.id + ".json", d.id);
        p.put("officeId", String.valueOf(d.office.id));
        webhooks.publish("document", p);
    }
}
