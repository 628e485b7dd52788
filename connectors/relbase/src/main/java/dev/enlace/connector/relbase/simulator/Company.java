package dev.enlace.connector.relbase.simulator;

import dev.enlace.simulator.ChileanRut;
import dev.enlace.simulator.RateWindow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One relBase company (empresa) and everything it owns. Every method must be called while holding
 * this object's monitor: handlers on several event loops share it.
 */
final class Company {
    static final ZoneId CHILE = ZoneId.of("America/Santiago");
    static final BigDecimal IVA = new BigDecimal("0.19");
    /** SII codes plus relBase's own 1001 (nota de venta), as relbase.md §3 lists them. */
    static final Map<Integer, String> DOCUMENT_TYPES = Map.of(
            33, "Factura electrónica", 34, "Factura exenta electrónica", 39, "Boleta electrónica",
            41, "Boleta exenta electrónica", 52, "Guía de despacho electrónica", 61, "Nota de crédito electrónica",
            1001, "Nota de venta");
    static final int GUIA = 52;
    static final int NOTA_DE_CREDITO = 61;

    final long id;
    final String companyToken;
    final String name;
    final Set<String> userTokens = new LinkedHashSet<>();
    volatile RateWindow rate;
    final AtomicInteger rateLimited = new AtomicInteger();
    volatile double faultFraction;
    volatile int faultStatus = 500;
    private final Clock clock;

    private long nextId = 1000;
    final Map<Long, Warehouse> warehouses = new LinkedHashMap<>();
    final Map<Long, Product> products = new LinkedHashMap<>();
    final Map<Long, Customer> customers = new LinkedHashMap<>();
    final Map<Long, Dte> dtes = new LinkedHashMap<>();
    final Map<Long, PaymentType> paymentTypes = new LinkedHashMap<>();
    final Map<Long, Channel> channels = new LinkedHashMap<>();
    private final Map<Integer, Long> folios = new HashMap<>();

    static final class Warehouse {
        long id;
        String name;
        String address;
        boolean enabled = true;
    }

    static final class Product {
        long id;
        String name;
        String code;
        String barcode;
        String description = "";
        BigDecimal price = BigDecimal.ZERO;
        BigDecimal unitCost = BigDecimal.ZERO;
        boolean taxAffected = true;
        /** The product's picture, as relBase serves it; null when it has none (CA6). */
        String urlImage;
        /** warehouse id -> stock; relBase allows fractional and negative stock (seed text). */
        final Map<Long, BigDecimal> stock = new LinkedHashMap<>();
        OffsetDateTime createdAt;
        OffsetDateTime updatedAt;
    }

    static final class Customer {
        long id;
        String rut;
        String name;
        String businessActivity;
        String address;
        String email;
        String phone;
        int typeCustomer = 1;
    }

    record PaymentType(long id, String name, String fmaPagoSii, String kindPayment) {
    }

    record Channel(long id, String name) {
    }

    /** A document another refers to, with SII's reference fields (README guess 21). */
    record Reference(int typeDocumentRef, long folioRef, LocalDate dateRef, Integer codeRef, String reasonRef) {
    }

    record Line(Product product, BigDecimal quantity, BigDecimal price, BigDecimal discount, boolean taxAffected,
            long amount) {
    }

    static final class Dte {
        long id;
        long folio;
        int typeDocument;
        Integer typeDocumentSii;
        LocalDate startDate;
        LocalDate endDate;
        Customer customer;
        Long channelId;
        Long typePaymentId;
        long wareHouseId;
        String labelValue;
        String comment;
        boolean mntBruto;
        long amountNeto;
        long amountIva;
        long amountExempt;
        long amountTotal;
        List<Line> lines = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        /** A guía's SII IndTraslado (README guess 21); null on other documents. */
        Integer typeTransfer;
        OffsetDateTime createdAt;
    }

    Company(long id, String companyToken, String name, RateWindow rate, Clock clock) {
        this.id = id;
        this.companyToken = companyToken;
        this.name = name;
        this.rate = rate;
        this.clock = clock;
        addWarehouse("Bodega Principal", "Av. Apoquindo 3000, Las Condes");
        for (String[] p : new String[][] {{"Efectivo", "1", "cash"}, {"Transferencia bancaria", "1", "transfer"},
                {"Tarjeta de crédito", "1", "card"}, {"Webpay", "1", "card"}, {"Crédito", "2", "credit"}}) {
            long pid = nextId();
            paymentTypes.put(pid, new PaymentType(pid, p[0], p[1], p[2]));
        }
        for (String c : new String[] {"Tienda física", "E-commerce"}) {
            long cid = nextId();
            channels.put(cid, new Channel(cid, c));
        }
    }

    long nextId() {
        return ++nextId;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(CHILE));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHILE));
    }

    Warehouse addWarehouse(String name, String address) {
        Warehouse w = new Warehouse();
        w.id = nextId();
        w.name = name;
        w.address = address == null ? "" : address;
        warehouses.put(w.id, w);
        return w;
    }

    Product addProduct(Product p) {
        p.id = nextId();
        p.createdAt = now();
        p.updatedAt = p.createdAt;
        products.put(p.id, p);
        return p;
    }

    BigDecimal stock(Product p, long warehouseId) {
        return p.stock.getOrDefault(warehouseId, BigDecimal.ZERO);
    }

    void setStock(Product p, long warehouseId, BigDecimal quantity) {
        if (!warehouses.containsKey(warehouseId)) {
            throw new IllegalArgumentException("no warehouse " + warehouseId);
        }
        p.stock.put(warehouseId, quantity);
        p.updatedAt = now();
    }

    Customer addCustomer(Customer c) {
        if (!ChileanRut.isValid(c.rut)) {
            throw ApiError.unprocessable("rut no es válido");
        }
        c.rut = ChileanRut.normalize(c.rut);
        if (customers.values().stream().anyMatch(o -> o.rut.equals(c.rut))) {
            throw ApiError.unprocessable("rut ya existe");
        }
        c.id = nextId();
        customers.put(c.id, c);
        return c;
    }

    /** Folios count per document type, from 1, as SII numbering does (CAF ranges are not modelled). */
    long nextFolio(int typeDocument) {
        return folios.merge(typeDocument, 1L, Long::sum);
    }

    /**
     * Issues a document: validates like relBase plausibly does, computes CLP totals with 19 % IVA,
     * takes a folio, and moves stock in the warehouse: a sale takes it out (the only way stock goes down
     * through a sale), a nota de crédito puts it back, a guía leaves it (the sale it follows moved it).
     */
    Dte issue(Dte d, List<Line> requested) {
        if (!DOCUMENT_TYPES.containsKey(d.typeDocument)) {
            throw ApiError.unprocessable("type_document no soportado: " + d.typeDocument);
        }
        if (requested.isEmpty()) {
            throw ApiError.unprocessable("products no puede estar vacío");
        }
        if (!warehouses.containsKey(d.wareHouseId)) {
            throw ApiError.unprocessable("ware_house_id no existe");
        }
        boolean invoice = d.typeDocument == 33 || d.typeDocument == 34;
        if (invoice) {
            Customer c = d.customer;
            if (c == null) {
                throw ApiError.unprocessable("customer_id es obligatorio para facturas");
            }
            if (blank(c.name) || blank(c.businessActivity) || blank(c.address) || !ChileanRut.isValid(c.rut)) {
                throw ApiError.unprocessable("el cliente requiere rut, razón social, giro y dirección para facturar");
            }
        }
        if (d.typeDocument == GUIA && (d.typeTransfer == null || d.typeTransfer < 1 || d.typeTransfer > 9)) {
            throw ApiError.unprocessable("type_transfer es obligatorio para guías de despacho (1 a 9)");
        }
        List<Dte> referenced = referenced(d);
        if (d.typeDocument == NOTA_DE_CREDITO && referenced.isEmpty()) {
            throw ApiError.unprocessable("la nota de crédito debe referenciar un documento");
        }
        boolean exemptDocument = d.typeDocument == 34 || d.typeDocument == 41;
        long affected = 0;
        long exempt = 0;
        for (Line l : requested) {
            if (l.quantity().signum() <= 0) {
                throw ApiError.unprocessable("quantity debe ser mayor que 0");
            }
            if (l.price().signum() < 0) {
                throw ApiError.unprocessable("price no puede ser negativo");
            }
            boolean taxed = l.taxAffected() && !exemptDocument;
            BigDecimal gross = l.price().multiply(l.quantity());
            BigDecimal amount = gross.subtract(gross.multiply(l.discount()).divide(BigDecimal.valueOf(100)))
                    .setScale(0, RoundingMode.HALF_UP);
            Line priced = new Line(l.product(), l.quantity(), l.price(), l.discount(), taxed, amount.longValueExact());
            d.lines.add(priced);
            if (taxed) {
                affected += priced.amount();
            } else {
                exempt += priced.amount();
            }
        }
        if (d.mntBruto) {
            // gross prices: the IVA is what the total holds beyond the net, CLP has no decimals
            d.amountNeto = BigDecimal.valueOf(affected).divide(BigDecimal.ONE.add(IVA), 0, RoundingMode.HALF_UP).longValue();
            d.amountIva = affected - d.amountNeto;
        } else {
            d.amountNeto = affected;
            d.amountIva = BigDecimal.valueOf(affected).multiply(IVA).setScale(0, RoundingMode.HALF_UP).longValue();
        }
        d.amountExempt = exempt;
        d.amountTotal = d.amountNeto + d.amountIva + exempt;
        if (d.typeDocument == NOTA_DE_CREDITO) {
            for (Dte original : referenced) {
                if (credited(original) + d.amountTotal > original.amountTotal) {
                    throw ApiError.unprocessable("la nota de crédito excede el total del documento folio " + original.folio);
                }
            }
        }
        d.id = nextId();
        d.folio = nextFolio(d.typeDocument);
        d.createdAt = now();
        if (d.startDate == null) {
            d.startDate = today();
        }
        if (d.endDate == null) {
            d.endDate = d.startDate;
        }
        if (d.typeDocument != GUIA) {
            for (Line l : d.lines) {
                BigDecimal moved = d.typeDocument == NOTA_DE_CREDITO ? l.quantity() : l.quantity().negate();
                l.product().stock.merge(d.wareHouseId, moved, BigDecimal::add);
                l.product().updatedAt = d.createdAt;
            }
        }
        dtes.put(d.id, d);
        return d;
    }

    /** The company's own documents the references name; a reference to one it never issued is refused. */
    private List<Dte> referenced(Dte d) {
        List<Dte> found = new ArrayList<>();
        for (Reference r : d.references) {
            if (!DOCUMENT_TYPES.containsKey(r.typeDocumentRef())) {
                continue; // e.g. a buyer's orden de compra (801): not a relBase document
            }
            Dte original = dtes.values().stream()
                    .filter(o -> o.typeDocument == r.typeDocumentRef() && o.folio == r.folioRef()).findFirst()
                    .orElseThrow(() -> ApiError.unprocessable("la referencia no existe: tipo " + r.typeDocumentRef()
                            + " folio " + r.folioRef()));
            found.add(original);
        }
        return found;
    }

    /** What earlier notas de crédito already took off a document. */
    private long credited(Dte original) {
        return dtes.values().stream().filter(c -> c.typeDocument == NOTA_DE_CREDITO)
                .filter(c -> c.references.stream().anyMatch(r -> r.typeDocumentRef() == original.typeDocument
                        && r.folioRef() == original.folio))
                .mapToLong(c -> c.amountTotal).sum();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
