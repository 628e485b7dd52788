package dev.enlace.connector.bsale.simulator;

import dev.enlace.simulator.ChileanRut;
import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.bsale.simulator.Model.Document;
import dev.enlace.connector.bsale.simulator.Model.Office;
import dev.enlace.connector.bsale.simulator.Model.Product;
import dev.enlace.connector.bsale.simulator.Model.Stock;
import dev.enlace.connector.bsale.simulator.Model.Variant;
import dev.enlace.simulator.RateWindow;
import dev.enlace.simulator.WebhookDispatcher;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import dev.enlace.simulator.RequestPaths;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A stateful simulator of the Bsale API v1 (Chile), as described in
 * {@code shared/connectors/bsale.md}: several companies, each selected by its
 * {@code access_token}, served under {@code /v1}; a separate admin API under {@code /_sim}
 * whose operations are also available as the public methods of this class.
 */
public final class BsaleSimulator implements AutoCloseable {

    /** How a test or a client reaches one simulated account. */
    public record CompanyAccess(long cpnId, String accessToken, String code, String name) {
    }

    /** One stock row (variant x office) as the API would report it. */
    public record StockLevel(double quantity, double quantityReserved, double quantityAvailable) {
    }

    /** A registered webhook target; no topics means every topic. */
    public record WebhookTarget(long id, String url, Set<String> topics, Map<String, String> headers) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final BsaleSimulatorOptions options;
    private final Map<Long, Company> companies = new ConcurrentHashMap<>();
    private final Map<String, Company> byToken = new ConcurrentHashMap<>();
    private final AtomicLong cpnIds = new AtomicLong();
    private final Api api;
    private volatile String lastBase;

    public BsaleSimulator(Vertx vertx, BsaleSimulatorOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.api = new Api(this);
    }

    public BsaleSimulatorOptions options() {
        return options;
    }

    /** The API under {@code /v1}, the admin API under {@code /_sim}, and document views under {@code /view}. */
    public Router router() {
        Router router = Router.router(vertx);
        new Admin(this, vertx).mount(router);
        router.getWithRegex("/v1/instances/basic/([^/]+)\\.json").handler(this::instance);
        router.getWithRegex("/view/(\\d+)/([0-9a-f]+)(\\.pdf|\\.xml)?").handler(this::view);
        router.route("/v1/*").handler(BodyHandler.create().setBodyLimit(16L << 20)).handler(api::handle);
        return router;
    }

    // ---- companies ----

    public CompanyAccess createCompany(String name) {
        return createCompany(name, null);
    }

    /** @param rut the company's own RUT, e.g. {@code 76123456-7}; null for a generated one */
    public CompanyAccess createCompany(String name, String rut) {
        long id = cpnIds.incrementAndGet();
        String code = rut != null ? rut : ChileanRut.withVerifier(String.valueOf(76_000_000 + id));
        WebhookDispatcher dispatcher = Webhooks.dispatcher(vertx, options.webhookTimeout(), options.webhookTimeScale());
        Company c = new Company(id, code, name,
                new RateWindow(options.rateLimitRequests(), options.rateLimitWindow().toMillis(), options.clock()),
                new Webhooks(dispatcher), options.clock());
        companies.put(id, c);
        String token = issueToken(id);
        return new CompanyAccess(id, token, code, name);
    }

    /** Another access token for the same company (Bsale tokens are per user). */
    public String issueToken(long cpnId) {
        Company c = company(cpnId);
        byte[] raw = new byte[20];
        RANDOM.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        synchronized (c) {
            c.tokens.add(token);
        }
        byToken.put(token, c);
        return token;
    }

    public List<CompanyAccess> companies() {
        return companies.values().stream().map(c -> {
            synchronized (c) {
                return new CompanyAccess(c.cpnId, c.tokens.iterator().next(), c.code, c.name);
            }
        }).toList();
    }

    /** Drops every company, token, webhook target and recorded attempt. */
    public void reset() {
        companies.values().forEach(c -> c.webhooks.close());
        companies.clear();
        byToken.clear();
        cpnIds.set(0);
    }

    @Override
    public void close() {
        reset();
    }

    // ---- seeding and inventory ----

    public BsaleSeed.Result seed(long cpnId, BsaleSeed seed) {
        Company c = company(cpnId);
        List<Long> officeIds = new ArrayList<>();
        List<Long> productIds = new ArrayList<>();
        List<Long> variantIds = new ArrayList<>();
        // Locked per row, not for the whole seed, so API calls for the company are never held up long.
        if (seed.offices() != null) {
            for (BsaleSeed.Office s : seed.offices()) {
                Office o = new Office();
                o.name = s.name() == null ? "Sucursal" : s.name();
                o.address = nz(s.address());
                o.municipality = nz(s.municipality());
                o.city = nz(s.city());
                o.isVirtual = s.isVirtual() == null ? 0 : s.isVirtual();
                synchronized (c) {
                    officeIds.add(c.addOffice(o).id);
                }
            }
        }
        if (seed.products() != null) {
            for (BsaleSeed.Product s : seed.products()) {
                Product p = new Product();
                p.name = s.name() == null ? "Producto" : s.name();
                p.description = nz(s.description());
                p.classification = s.classification() == null ? 0 : s.classification();
                p.stockControl = s.stockControl() == null ? (p.classification == 1 ? 0 : 1) : s.stockControl();
                p.allowDecimal = s.allowDecimal() == null ? 0 : s.allowDecimal();
                List<BsaleSeed.Variant> vs = s.variants() == null || s.variants().isEmpty()
                        ? List.of(new BsaleSeed.Variant(null, null, null, null, null, null, null)) : s.variants();
                synchronized (c) {
                    productIds.add(c.addProduct(p, false).id);
                    for (BsaleSeed.Variant sv : vs) {
                        variantIds.add(seedVariant(c, p, sv).id);
                    }
                }
            }
        }
        return new BsaleSeed.Result(officeIds, productIds, variantIds);
    }

    private static Variant seedVariant(Company c, Product p, BsaleSeed.Variant s) {
        Variant v = new Variant();
        v.product = p;
        v.code = nz(s.code());
        v.barCode = nz(s.barCode());
        v.description = nz(s.description());
        v.unlimitedStock = s.unlimitedStock() == null ? 0 : s.unlimitedStock();
        v.allowNegativeStock = s.allowNegativeStock() == null ? 0 : s.allowNegativeStock();
        c.addVariant(v, false);
        if (s.price() != null) {
            c.priceLists.values().iterator().next().byVariant.get(v.id).variantValue = s.price();
        }
        if (s.stock() != null) {
            s.stock().forEach((officeId, qty) -> {
                Office o = c.offices.get(officeId);
                if (o == null) {
                    throw new IllegalArgumentException("unknown office " + officeId + " in seed");
                }
                c.stock(v, o).quantity = qty;
            });
        }
        return v;
    }

    /** Like an inventory count in Bsale's UI: sets the physical quantity and fires the stock webhook. */
    public StockLevel setStock(long cpnId, long variantId, long officeId, double quantity) {
        Company c = company(cpnId);
        synchronized (c) {
            Stock s = c.setStock(variantOf(c, variantId), officeOf(c, officeId), quantity);
            return new StockLevel(s.quantity, s.reserved, s.available());
        }
    }

    public StockLevel stock(long cpnId, long variantId, long officeId) {
        Company c = company(cpnId);
        synchronized (c) {
            Stock s = c.stock(variantOf(c, variantId), officeOf(c, officeId));
            return new StockLevel(s.quantity, s.reserved, s.available());
        }
    }

    /** Adds a price list as the back office would (no API call creates one); every variant starts at 0. */
    public long addPriceList(long cpnId, String name) {
        Company c = company(cpnId);
        synchronized (c) {
            return c.addPriceList(name).id;
        }
    }

    /** Sets a variant's net price in a list as the back office would; fires the {@code price} notification. */
    public void setPrice(long cpnId, long priceListId, long variantId, double netValue) {
        Company c = company(cpnId);
        synchronized (c) {
            Model.PriceList list = c.priceLists.get(priceListId);
            if (list == null) {
                throw new IllegalArgumentException("no price list " + priceListId);
            }
            c.updatePrice(list.byVariant.get(variantOf(c, variantId).id),
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("variantValue", netValue));
        }
    }

    /** Id of the first variant with this SKU, for tests that seeded by code. */
    public long variantId(long cpnId, String code) {
        Company c = company(cpnId);
        synchronized (c) {
            return c.variantsByCode(code).stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no variant with code " + code)).id;
        }
    }

    // ---- webhooks ----

    public WebhookTarget registerWebhook(long cpnId, String url, Set<String> topics) {
        return registerWebhook(cpnId, url, topics, Map.of());
    }

    public WebhookTarget registerWebhook(long cpnId, String url, Set<String> topics, Map<String, String> headers) {
        Webhooks.Registration r = company(cpnId).webhooks.register(url, topics, headers);
        return new WebhookTarget(r.id(), r.url(), r.topics(), r.headers());
    }

    public boolean unregisterWebhook(long cpnId, long webhookId) {
        return company(cpnId).webhooks.unregister(webhookId);
    }

    public List<WebhookTarget> webhooks(long cpnId) {
        return company(cpnId).webhooks.registrations().stream()
                .map(r -> new WebhookTarget(r.id(), r.url(), r.topics(), r.headers())).toList();
    }

    /** Every delivery attempt for this company, oldest first. */
    public List<WebhookDispatcher.Attempt> webhookAttempts(long cpnId) {
        return company(cpnId).webhooks.attempts();
    }

    // ---- issued documents, as the API renders them ----

    public List<JsonNode> documents(long cpnId) {
        return render(cpnId, c -> c.documents.values().stream()
                .map(d -> (JsonNode) Views.document(ctx(), c.cpnId, d)).toList());
    }

    public List<JsonNode> returns(long cpnId) {
        return render(cpnId, c -> c.returns.values().stream().map(r -> (JsonNode) Views.returnView(ctx(), r)).toList());
    }

    public List<JsonNode> shippings(long cpnId) {
        return render(cpnId, c -> c.shippings.values().stream().map(s -> (JsonNode) Views.shipping(ctx(), s)).toList());
    }

    private <T> T render(long cpnId, Function<Company, T> f) {
        Company c = company(cpnId);
        synchronized (c) {
            return f.apply(c);
        }
    }

    // ---- fault injection and account state ----

    /** From now on a {@code fraction} (0..1) of this company's API calls answer {@code status} (500 or 429). */
    public void setFaults(long cpnId, double fraction, int status) {
        if (status != 500 && status != 429 && status != 502) {
            throw new IllegalArgumentException("fault status must be 500, 502 or 429");
        }
        Company c = company(cpnId);
        synchronized (c) {
            c.faultStatus = status;
            c.faultFraction = Math.max(0, Math.min(1, fraction));
        }
    }

    /** A company blocked for non-payment answers 402 to every call. */
    public void setBlocked(long cpnId, boolean blocked) {
        Company c = company(cpnId);
        synchronized (c) {
            c.blocked = blocked;
        }
    }

    /** Folios left in the CAF of a document type, to reproduce "does not have numbers available". */
    public void setFoliosAvailable(long cpnId, String codeSii, long available) {
        Company c = company(cpnId);
        synchronized (c) {
            c.documentTypes.values().stream().filter(t -> t.codeSii.equals(codeSii))
                    .forEach(t -> t.cafLast = t.lastNumber + available);
        }
    }

    // ---- internals shared with Api and Admin ----

    Company company(long cpnId) {
        Company c = companies.get(cpnId);
        if (c == null) {
            throw new IllegalArgumentException("no company " + cpnId);
        }
        return c;
    }

    Company companyByToken(String token) {
        return token == null ? null : byToken.get(token.trim());
    }

    String baseUrl(RoutingContext rc) {
        if (options.publicBaseUrl() != null) {
            return options.publicBaseUrl();
        }
        String base = RequestPaths.base(rc);
        lastBase = base;
        return base;
    }



    Views.Ctx ctx() {
        String base = options.publicBaseUrl() != null ? options.publicBaseUrl() : lastBase;
        return new Views.Ctx(base == null ? "http://localhost" : base, Set.of());
    }

    private static Variant variantOf(Company c, long id) {
        Variant v = c.variants.get(id);
        if (v == null) {
            throw new IllegalArgumentException("no variant " + id);
        }
        return v;
    }

    private static Office officeOf(Company c, long id) {
        Office o = c.offices.get(id);
        if (o == null) {
            throw new IllegalArgumentException("no office " + id);
        }
        return o;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The credential host's company lookup ({@code credential.bsale.io/v1/instances/basic/{token}.json}). */
    private void instance(RoutingContext rc) {
        Company c = companyByToken(rc.pathParam("param0"));
        if (c == null) {
            Api.send(rc, 401, Api.error(Api.UNAUTHENTICATED));
            return;
        }
        var n = Views.JSON.createObjectNode();
        synchronized (c) {
            n.put("id", c.cpnId);
            n.put("code", c.code);
            n.put("name", c.name);
            n.put("state", c.blocked ? 1 : 0);
            n.put("country", "CL");
            n.put("trial", 0);
            n.put("trialEnd", (String) null);
        }
        Api.send(rc, 200, n);
    }

    /** Stand-ins for urlPdf / urlPublicView / urlXml so links in a demo resolve. */
    private void view(RoutingContext rc) {
        Company c = companies.get(Long.parseLong(rc.pathParam("param0")));
        String token = rc.pathParam("param1");
        String kind = rc.pathParam("param2");
        Document doc = null;
        if (c != null) {
            synchronized (c) {
                doc = c.documents.values().stream().filter(d -> d.token.equals(token)).findFirst().orElse(null);
            }
        }
        if (doc == null) {
            rc.response().setStatusCode(404).end();
            return;
        }
        String title = doc.type.name + " N° " + doc.number + " — total $" + (long) doc.totalAmount;
        if (".pdf".equals(kind)) {
            rc.response().putHeader("Content-Type", "application/pdf").end("%PDF-1.4\n% " + title + "\n%%EOF\n");
        } else if (".xml".equals(kind)) {
            rc.response().putHeader("Content-Type", "application/xml")
                    .end("<DTE><Documento><Folio>" + doc.number + "</Folio></Documento></DTE>");
        } else {
            rc.response().putHeader("Content-Type", "text/html; charset=utf-8").end("<html><body><h1>" + title
                    + "</h1></body></html>");
        }
    }
}
