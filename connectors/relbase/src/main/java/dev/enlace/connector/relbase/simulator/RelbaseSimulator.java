package dev.enlace.connector.relbase.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enlace.connector.relbase.simulator.Company.Customer;
import dev.enlace.connector.relbase.simulator.Company.Product;
import dev.enlace.simulator.RateWindow;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import dev.enlace.simulator.RequestPaths;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A stateful simulator of the relBase REST API v1 (Chile), as described in
 * {@code shared/connectors/relbase.md}: several companies, each reached with its company token
 * plus one of its users' tokens, served under {@code /api/v1}; an admin API under {@code /_sim}
 * whose operations are also the public methods of this class.
 */
public final class RelbaseSimulator implements AutoCloseable {
    static final String API_PREFIX = "/api/v1";
    /** relbase.md §1: 7 requests per second, past which relBase answers 403. */
    public static final int RATE_LIMIT_PER_SECOND = 7;

    /** How a test or a client reaches one simulated company. */
    public record CompanyAccess(long companyId, String name, String companyToken, String userToken) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final Clock clock;
    private final Map<Long, Company> companies = new ConcurrentHashMap<>();
    private final Map<String, Company> byCompanyToken = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Api api;
    private volatile String lastBase;

    public RelbaseSimulator(Vertx vertx) {
        this(vertx, Clock.systemUTC());
    }

    public RelbaseSimulator(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.api = new Api(this);
    }

    /** The API under {@code /api/v1}, the admin API and document stand-ins under {@code /_sim}. */
    public Router router() {
        Router router = Router.router(vertx);
        new Admin(this).mount(router);
        router.route(API_PREFIX + "/*").handler(BodyHandler.create().setBodyLimit(4L << 20)).handler(api::handle);
        return router;
    }

    // ---- companies and tokens ----

    public CompanyAccess createCompany(String name) {
        long id = ids.incrementAndGet();
        Company c = new Company(id, token(), name, new RateWindow(RATE_LIMIT_PER_SECOND, 1000, clock), clock);
        companies.put(id, c);
        byCompanyToken.put(c.companyToken, c);
        return new CompanyAccess(id, name, c.companyToken, addUser(id));
    }

    /** A new integration user's token (relBase → Configuración → Usuarios). */
    public String addUser(long companyId) {
        Company c = company(companyId);
        String token = token();
        synchronized (c) {
            c.userTokens.add(token);
        }
        return token;
    }

    public List<CompanyAccess> companies() {
        return companies.values().stream().map(c -> {
            synchronized (c) {
                return new CompanyAccess(c.id, c.name, c.companyToken, c.userTokens.iterator().next());
            }
        }).toList();
    }

    public void reset() {
        companies.clear();
        byCompanyToken.clear();
        ids.set(0);
    }

    @Override
    public void close() {
        reset();
    }

    // ---- catalogue and stock ----

    public long defaultWarehouse(long companyId) {
        return render(companyId, c -> c.warehouses.keySet().iterator().next());
    }

    public long addWarehouse(long companyId, String name) {
        return render(companyId, c -> c.addWarehouse(name, null).id);
    }

    /** Creates warehouses and products in bulk; locked per row so API calls are never held up long. */
    public RelbaseSeed.Result seed(long companyId, RelbaseSeed seed) {
        Company c = company(companyId);
        List<Long> warehouseIds = new ArrayList<>();
        List<Long> productIds = new ArrayList<>();
        if (seed.warehouses() != null) {
            for (RelbaseSeed.Warehouse w : seed.warehouses()) {
                synchronized (c) {
                    warehouseIds.add(c.addWarehouse(w.name() == null ? "Bodega" : w.name(), w.address()).id);
                }
            }
        }
        if (seed.products() != null) {
            for (RelbaseSeed.Product s : seed.products()) {
                Product p = new Product();
                p.code = s.code();
                p.name = s.name() == null ? s.code() : s.name();
                p.barcode = s.barcode();
                p.price = s.price() == null ? BigDecimal.ZERO : s.price();
                p.taxAffected = s.taxAffected() == null || s.taxAffected();
                synchronized (c) {
                    c.addProduct(p);
                    if (s.stock() != null) {
                        s.stock().forEach((key, qty) -> c.setStock(p, warehouseKey(key, warehouseIds), qty));
                    }
                    productIds.add(p.id);
                }
            }
        }
        return new RelbaseSeed.Result(warehouseIds, productIds);
    }

    private static long warehouseKey(String key, List<Long> seeded) {
        return key.startsWith("#") ? seeded.get(Integer.parseInt(key.substring(1))) : Long.parseLong(key);
    }

    /** Like an inventory adjustment in relBase's UI (entrada / salida de stock). */
    public void setStock(long companyId, long productId, long warehouseId, BigDecimal quantity) {
        render(companyId, c -> {
            c.setStock(productOf(c, productId), warehouseId, quantity);
            return null;
        });
    }

    /** A product edited in relBase's UI (name, description, price); relBase notifies no one (no webhooks). */
    public void editProduct(long companyId, long productId, String name, String description, BigDecimal price) {
        render(companyId, c -> {
            Product p = productOf(c, productId);
            p.name = name == null ? p.name : name;
            p.description = description == null ? p.description : description;
            p.price = price == null ? p.price : price;
            p.updatedAt = java.time.OffsetDateTime.now(clock);
            return null;
        });
    }

    /** A picture set (a URL) or removed (null) in relBase's UI; relBase notifies no one. */
    public void setImage(long companyId, long productId, String url) {
        render(companyId, c -> {
            Product p = productOf(c, productId);
            p.urlImage = url;
            p.updatedAt = java.time.OffsetDateTime.now(clock);
            return null;
        });
    }

    public BigDecimal stock(long companyId, long productId, long warehouseId) {
        return render(companyId, c -> c.stock(productOf(c, productId), warehouseId));
    }

    public long productId(long companyId, String code) {
        return render(companyId, c -> c.products.values().stream().filter(p -> code.equals(p.code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no product with code " + code)).id);
    }

    /** A product as {@code GET /productos/{id}} renders it (CA6). */
    public JsonNode product(long companyId, long productId) {
        return render(companyId, c -> Api.product(c, productOf(c, productId)));
    }

    /** A customer as created in relBase's UI; the RUT must pass the modulo-11 check. */
    public long addCustomer(long companyId, String rut, String name, String businessActivity, String address) {
        return render(companyId, c -> {
            Customer cu = new Customer();
            cu.rut = rut;
            cu.name = name;
            cu.businessActivity = businessActivity;
            cu.address = address;
            return c.addCustomer(cu).id;
        });
    }

    /** Every issued document as {@code GET /dtes/{id}} renders it, oldest first. */
    public List<JsonNode> dtes(long companyId) {
        String base = lastBase == null ? "http://localhost" : lastBase;
        return render(companyId, c -> c.dtes.values().stream().map(d -> (JsonNode) Api.dte(base, d, true)).toList());
    }

    // ---- fault injection ----

    /** From now on a {@code fraction} (0..1) of this company's calls answer {@code status} (403, 500 or 502). */
    public void setFaults(long companyId, double fraction, int status) {
        if (status != 403 && status != 500 && status != 502) {
            throw new IllegalArgumentException("fault status must be 403, 500 or 502");
        }
        Company c = company(companyId);
        c.faultStatus = status;
        c.faultFraction = Math.max(0, Math.min(1, fraction));
    }

    /** Lowers (or restores) the company's requests per second, to provoke 403s from a well-behaved client. */
    public void setRateLimit(long companyId, int perSecond) {
        company(companyId).rate = new RateWindow(perSecond, 1000, clock);
    }

    /** Calls answered 403 for going past the rate limit. */
    public int rateLimitedCalls(long companyId) {
        return company(companyId).rateLimited.get();
    }

    // ---- internals ----

    Company company(long companyId) {
        Company c = companies.get(companyId);
        if (c == null) {
            throw new IllegalArgumentException("no company " + companyId);
        }
        return c;
    }

    /** Both tokens must match and belong together; header values are raw tokens, no "Bearer". */
    Company authenticate(String companyToken, String userToken) {
        if (companyToken == null || userToken == null) {
            return null;
        }
        Company c = byCompanyToken.get(companyToken.trim());
        if (c == null) {
            return null;
        }
        synchronized (c) {
            return c.userTokens.contains(userToken.trim()) ? c : null;
        }
    }

    private <T> T render(long companyId, Function<Company, T> f) {
        Company c = company(companyId);
        synchronized (c) {
            return f.apply(c);
        }
    }

    private static Product productOf(Company c, long id) {
        Product p = c.products.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no product " + id);
        }
        return p;
    }

    String baseUrl(RoutingContext rc) {
        String base = RequestPaths.base(rc);
        lastBase = base;
        return base;
    }



    /** Stand-in for a document's PDF link. */
    boolean pdf(long dteId, StringBuilder out) {
        for (Company c : companies.values()) {
            synchronized (c) {
                Company.Dte d = c.dtes.get(dteId);
                if (d != null) {
                    out.append("%PDF-1.4\n% ").append(Company.DOCUMENT_TYPES.get(d.typeDocument)).append(" N° ")
                            .append(d.folio).append(" total $").append(d.amountTotal).append("\n%%EOF\n");
                    return true;
                }
            }
        }
        return false;
    }

    private static String token() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
