package dev.enlace.connector.bsale.simulator;

import dev.enlace.simulator.RequestPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.bsale.simulator.Model.*;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code /v1} API: authentication, rate limit, fault injection, then a small route table. */
final class Api {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 50;
    static final String UNAUTHENTICATED = "Sorry, this request can not be authenticated";

    /** One parsed API call, evaluated under the company's monitor. */
    static final class Req {
        final Company company;
        final Matcher path;
        final MultiMap query;
        final JsonNode body;
        final Views.Ctx ctx;

        Req(Company company, Matcher path, MultiMap query, JsonNode body, Views.Ctx ctx) {
            this.company = company;
            this.path = path;
            this.query = query;
            this.body = body;
            this.ctx = ctx;
        }

        long id(int group) {
            return Long.parseLong(path.group(group));
        }

        /** A filter value; Bsale's docs bracket them ({@code variantid=[1223]}), clients often do not. */
        String param(String name) {
            String raw = query.get(name);
            if (raw == null) {
                return null;
            }
            String v = raw.trim();
            if (v.startsWith("[") && v.endsWith("]")) {
                v = v.substring(1, v.length() - 1).trim();
            }
            return v.isEmpty() ? null : v;
        }

        Long longParam(String name) {
            String v = param(name);
            if (v == null) {
                return null;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                // Bsale answers non-numeric id filters with an empty list rather than an error.
                return -1L;
            }
        }
    }

    record Reply(int status, JsonNode body) {
    }

    interface Handler {
        Reply handle(Req r);
    }

    private record Route(HttpMethod method, Pattern pattern, Handler handler) {
    }

    private final BsaleSimulator sim;
    private final List<Route> routes = new ArrayList<>();

    Api(BsaleSimulator sim) {
        this.sim = sim;
        defineRoutes();
    }

    void handle(RoutingContext rc) {
        Company company = sim.companyByToken(rc.request().getHeader("access_token"));
        if (company == null) {
            send(rc, 401, error(UNAUTHENTICATED));
            return;
        }
        if (company.blocked) {
            send(rc, 402, error("The company is blocked, please contact Bsale"));
            return;
        }
        if (!company.rate.tryAcquire()) {
            send(rc, 429, error("Too many requests"));
            return;
        }
        double fault = company.faultFraction;
        if (fault > 0 && ThreadLocalRandom.current().nextDouble() < fault) {
            int status = company.faultStatus;
            send(rc, status, error(status == 429 ? "Too many requests" : "The requested resource is not available"));
            return;
        }
        String path = RequestPaths.inside(rc);
        Route match = null;
        Matcher matcher = null;
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (m.matches()) {
                pathKnown = true;
                if (route.method().equals(rc.request().method())) {
                    match = route;
                    matcher = m;
                    break;
                }
            }
        }
        if (match == null) {
            // bsale.md §1: a bad URL surfaces as 500 with this text; a known path with the wrong verb is 405.
            send(rc, pathKnown ? 405 : 500, error(pathKnown ? "Method Not Allowed" : "The requested resource is not available"));
            return;
        }
        JsonNode body = null;
        if (HttpMethod.POST.equals(rc.request().method()) || HttpMethod.PUT.equals(rc.request().method())) {
            body = parseBody(rc);
            if (body == null) {
                send(rc, 400, error("Invalid JSON object"));
                return;
            }
        }
        Req req = new Req(company, matcher, rc.queryParams(), body,
                new Views.Ctx(sim.baseUrl(rc), listParam(rc.queryParams().get("expand"))));
        Reply reply;
        try {
            synchronized (company) {
                reply = match.handler().handle(req);
            }
        } catch (ApiError e) {
            reply = new Reply(e.status, error(e.getMessage()));
        }
        send(rc, reply.status(), reply.body());
    }

    private static JsonNode parseBody(RoutingContext rc) {
        try {
            String text = rc.body() == null ? null : rc.body().asString();
            if (text == null || text.isBlank()) {
                return null;
            }
            JsonNode node = Views.JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    static ObjectNode error(String message) {
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("error", message);
        return n;
    }

    static void send(RoutingContext rc, int status, JsonNode body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.toString());
    }

    /** {@code [a,b]} or {@code a,b} to a set of names. */
    static Set<String> listParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(raw.replace("[", "").replace("]", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ---- generic list, get and count ----

    private static <T> Reply list(Req r, String path, Stream<T> rows, Function<T, ObjectNode> render) {
        int limit = intParam(r.query.get("limit"), DEFAULT_LIMIT);
        if (limit < 1) {
            limit = DEFAULT_LIMIT;
        }
        limit = Math.min(limit, MAX_LIMIT);
        int offset = Math.max(0, intParam(r.query.get("offset"), 0));
        List<T> all = rows.toList();
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("href", r.ctx.url(path));
        n.put("count", all.size());
        n.put("limit", limit);
        n.put("offset", offset);
        ArrayNode items = n.putArray("items");
        Set<String> fields = listParam(r.query.get("fields"));
        all.stream().skip(offset).limit(limit).map(render).map(o -> pick(o, fields)).forEach(items::add);
        if (offset + limit < all.size()) {
            StringBuilder next = new StringBuilder(r.ctx.url(path)).append("?limit=").append(limit)
                    .append("&offset=").append(offset + limit);
            // Keep the caller's filters so following "next" walks the same result set.
            for (Map.Entry<String, String> e : r.query.entries()) {
                if (!e.getKey().equals("limit") && !e.getKey().equals("offset")) {
                    next.append('&').append(enc(e.getKey())).append('=').append(enc(e.getValue()));
                }
            }
            n.put("next", next.toString());
        }
        return new Reply(200, n);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]").replace("%2C", ",");
    }

    private static ObjectNode pick(ObjectNode o, Set<String> fields) {
        if (fields.isEmpty()) {
            return o;
        }
        ObjectNode out = Views.JSON.createObjectNode();
        out.set("href", o.get("href"));
        fields.forEach(f -> {
            if (o.has(f)) {
                out.set(f, o.get(f));
            }
        });
        return out;
    }

    private static <T> Reply one(Req r, T row, Function<T, ObjectNode> render) {
        if (row == null) {
            throw ApiError.notFound();
        }
        return new Reply(200, pick(render.apply(row), listParam(r.query.get("fields"))));
    }

    private static Reply count(Stream<?> rows) {
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("count", rows.count());
        return new Reply(200, n);
    }

    private static int intParam(String raw, int fallback) {
        try {
            return raw == null ? fallback : Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Lists show active rows unless {@code state} is given; count.json counts every state (bsale.md §1). */
    private static <T> Predicate<T> state(Req r, boolean listing, Function<T, Integer> stateOf) {
        Long wanted = r.longParam("state");
        if (wanted == null) {
            return listing ? t -> stateOf.apply(t) == 0 : t -> true;
        }
        return t -> stateOf.apply(t).longValue() == wanted;
    }

    private static <T> Predicate<T> eq(String value, Function<T, Object> field) {
        return value == null ? t -> true : t -> Objects.equals(String.valueOf(field.apply(t)), value);
    }

    private void get(String regex, Handler h) {
        routes.add(new Route(HttpMethod.GET, Pattern.compile("/v1/" + regex), h));
    }

    private void post(String regex, Handler h) {
        routes.add(new Route(HttpMethod.POST, Pattern.compile("/v1/" + regex), h));
    }

    private void put(String regex, Handler h) {
        routes.add(new Route(HttpMethod.PUT, Pattern.compile("/v1/" + regex), h));
    }

    private void delete(String regex, Handler h) {
        routes.add(new Route(HttpMethod.DELETE, Pattern.compile("/v1/" + regex), h));
    }

    private static Reply created(ObjectNode n) {
        return new Reply(201, n);
    }

    // ---- filters per resource ----

    private static Stream<Office> offices(Req r, boolean listing) {
        return r.company.offices.values().stream().filter(state(r, listing, o -> o.state))
                .filter(eq(r.param("name"), o -> o.name));
    }

    private static Stream<Product> products(Req r, boolean listing) {
        String name = r.param("name");
        return r.company.products.values().stream().filter(state(r, listing, p -> p.state))
                .filter(p -> name == null || p.name.toLowerCase().contains(name.toLowerCase()))
                .filter(eq(r.param("producttypeid"), p -> p.productTypeId));
    }

    private static Stream<Variant> variants(Req r, boolean listing) {
        Company c = r.company;
        String code = r.param("code");
        String barCode = r.param("barcode");
        Stream<Variant> base = code != null ? c.variantsByCode(code).stream()
                : barCode != null ? c.variantsByBarCode(barCode).stream() : c.variants.values().stream();
        String description = r.param("description");
        return base.filter(state(r, listing, v -> v.state))
                .filter(eq(barCode, v -> v.barCode))
                .filter(eq(r.param("productid"), v -> v.product.id))
                .filter(v -> description == null || v.description.toLowerCase().contains(description.toLowerCase()));
    }

    private static Stream<Stock> stocks(Req r) {
        Company c = r.company;
        Long variantId = r.longParam("variantid");
        String code = r.param("code");
        String barCode = r.param("barcode");
        Stream<Stock> base;
        if (variantId != null) {
            Variant v = c.variants.get(variantId);
            base = v == null ? Stream.empty() : c.stocksOf(v).stream();
        } else if (code != null) {
            base = c.variantsByCode(code).stream().flatMap(v -> c.stocksOf(v).stream());
        } else if (barCode != null) {
            base = c.variantsByBarCode(barCode).stream().flatMap(v -> c.stocksOf(v).stream());
        } else {
            base = c.stocks.values().stream();
        }
        return base.filter(eq(code, s -> s.variant.code)).filter(eq(barCode, s -> s.variant.barCode))
                .filter(eq(r.param("officeid"), s -> s.office.id));
    }

    private static Stream<DocumentType> documentTypes(Req r, boolean listing) {
        return r.company.documentTypes.values().stream().filter(state(r, listing, t -> t.state))
                .filter(eq(r.param("codesii"), t -> t.codeSii)).filter(eq(r.param("use"), t -> t.use))
                .filter(eq(r.param("name"), t -> t.name));
    }

    private static Stream<Client> clients(Req r, boolean listing) {
        return r.company.clients.values().stream().filter(state(r, listing, k -> k.state))
                .filter(eq(r.param("code"), k -> k.code)).filter(eq(r.param("email"), k -> k.email))
                .filter(eq(r.param("firstname"), k -> k.firstName)).filter(eq(r.param("lastname"), k -> k.lastName));
    }

    private static Stream<Document> documents(Req r, boolean listing) {
        String range = r.param("emissiondaterange");
        long from;
        long to;
        if (range != null) {
            String[] parts = range.split(",");
            try {
                from = Long.parseLong(parts[0].trim());
                to = parts.length > 1 ? Long.parseLong(parts[1].trim()) : Long.MAX_VALUE;
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("invalid emissiondaterange");
            }
        } else {
            from = Long.MIN_VALUE;
            to = Long.MAX_VALUE;
        }
        String refNumber = r.param("referencenumber");
        return r.company.documents.values().stream().filter(state(r, listing, d -> d.state))
                .filter(eq(r.param("number"), d -> d.number))
                .filter(eq(r.param("codesii"), d -> d.type.codeSii))
                .filter(eq(r.param("documenttypeid"), d -> d.type.id))
                .filter(eq(r.param("officeid"), d -> d.office.id))
                .filter(eq(r.param("informedsii"), d -> d.informedSii))
                .filter(d -> r.param("clientcode") == null || (d.client != null && d.client.code.equals(r.param("clientcode"))))
                .filter(d -> refNumber == null || d.references.stream().anyMatch(x -> x.number().equals(refNumber)))
                .filter(d -> d.emissionDate >= from && d.emissionDate <= to);
    }

    private static Stream<Return> returns(Req r) {
        return r.company.returns.values().stream()
                .filter(eq(r.param("referencedocumentid"), x -> x.reference.id))
                .filter(eq(r.param("officeid"), x -> x.office.id));
    }

    private static Stream<Shipping> shippings(Req r, boolean listing) {
        return r.company.shippings.values().stream().filter(state(r, listing, s -> s.state))
                .filter(eq(r.param("shippingdate"), s -> s.shippingDate))
                .filter(eq(r.param("officeid"), s -> s.office.id))
                .filter(eq(r.param("shippingtypeid"), s -> s.shippingTypeId))
                .filter(eq(r.param("documentid"), s -> s.guide.id));
    }

    private static Stream<StockMove> moves(Req r, Collection<StockMove> rows, String dateParam) {
        return rows.stream().filter(eq(r.param("officeid"), m -> m.office.id))
                .filter(eq(r.param(dateParam), m -> m.date))
                .filter(eq(r.param("documentnumber"), m -> m.documentNumber));
    }

    private static <T> T found(T row) {
        if (row == null) {
            throw ApiError.notFound();
        }
        return row;
    }

    // ---- the route table ----

    private void defineRoutes() {
        get("offices\\.json", r -> list(r, "/v1/offices.json", offices(r, true), o -> Views.office(r.ctx, o)));
        get("offices/count\\.json", r -> count(offices(r, false)));
        get("offices/(\\d+)\\.json", r -> one(r, r.company.offices.get(r.id(1)), o -> Views.office(r.ctx, o)));

        get("products\\.json", r -> list(r, "/v1/products.json", products(r, true), p -> Views.product(r.ctx, p)));
        get("products/count\\.json", r -> count(products(r, false)));
        get("products/(\\d+)\\.json", r -> one(r, r.company.products.get(r.id(1)), p -> Views.product(r.ctx, p)));
        get("products/(\\d+)/variants\\.json", r -> {
            Product p = found(r.company.products.get(r.id(1)));
            return list(r, "/v1/products/" + p.id + "/variants.json",
                    p.variants.stream().filter(state(r, true, v -> v.state)), v -> Views.variant(r.ctx, v));
        });
        post("products\\.json", r -> created(Views.product(r.ctx, r.company.createProduct(r.body))));
        put("products/(\\d+)\\.json", r -> new Reply(200,
                Views.product(r.ctx, r.company.updateProduct(found(r.company.products.get(r.id(1))), r.body))));
        delete("products/(\\d+)\\.json", r -> new Reply(200,
                Views.product(r.ctx, r.company.deleteProduct(found(r.company.products.get(r.id(1)))))));

        get("variants\\.json", r -> list(r, "/v1/variants.json", variants(r, true), v -> Views.variant(r.ctx, v)));
        get("variants/count\\.json", r -> count(variants(r, false)));
        get("variants/(\\d+)\\.json", r -> one(r, r.company.variants.get(r.id(1)), v -> Views.variant(r.ctx, v)));
        get("variants/(\\d+)/costs\\.json", r -> new Reply(200, Views.variantCosts(found(r.company.variants.get(r.id(1))))));
        post("variants\\.json", r -> created(Views.variant(r.ctx, r.company.createVariant(r.body))));
        put("variants/(\\d+)\\.json", r -> new Reply(200,
                Views.variant(r.ctx, r.company.updateVariant(found(r.company.variants.get(r.id(1))), r.body))));
        delete("variants/(\\d+)\\.json", r -> new Reply(200,
                Views.variant(r.ctx, r.company.deleteVariant(found(r.company.variants.get(r.id(1)))))));

        get("stocks\\.json", r -> list(r, "/v1/stocks.json", stocks(r), s -> Views.stock(r.ctx, s)));
        get("stocks/count\\.json", r -> count(stocks(r)));
        get("stocks/(\\d+)\\.json", r -> one(r, r.company.stocks.get(r.id(1)), s -> Views.stock(r.ctx, s)));
        get("stocks/receptions\\.json", r -> list(r, "/v1/stocks/receptions.json",
                moves(r, r.company.receptions.values(), "admissiondate"), m -> Views.reception(r.ctx, m)));
        get("stocks/receptions/(\\d+)\\.json", r -> one(r, r.company.receptions.get(r.id(1)), m -> Views.reception(r.ctx, m)));
        get("stocks/receptions/(\\d+)/details\\.json", r -> {
            StockMove m = found(r.company.receptions.get(r.id(1)));
            String path = "/v1/stocks/receptions/" + m.id + "/details";
            return list(r, path + ".json", m.details.stream(), d -> Views.moveDetail(r.ctx, path, d, true));
        });
        post("stocks/receptions\\.json", r -> created(Views.reception(r.ctx, r.company.receive(r.body))));
        get("stocks/consumptions\\.json", r -> list(r, "/v1/stocks/consumptions.json",
                moves(r, r.company.consumptions.values(), "consumptiondate"), m -> Views.consumption(r.ctx, m)));
        get("stocks/consumptions/(\\d+)\\.json", r -> one(r, r.company.consumptions.get(r.id(1)),
                m -> Views.consumption(r.ctx, m)));
        get("stocks/consumptions/(\\d+)/details\\.json", r -> {
            StockMove m = found(r.company.consumptions.get(r.id(1)));
            String path = "/v1/stocks/consumptions/" + m.id + "/details";
            return list(r, path + ".json", m.details.stream(), d -> Views.moveDetail(r.ctx, path, d, false));
        });
        post("stocks/consumptions\\.json", r -> created(Views.consumption(r.ctx, r.company.consume(r.body))));
        get("stock_consumption_types\\.json", r -> list(r, "/v1/stock_consumption_types.json",
                r.company.consumptionTypes.stream(), Views::consumptionType));

        get("document_types\\.json", r -> list(r, "/v1/document_types.json", documentTypes(r, true),
                t -> Views.documentType(r.ctx, t)));
        get("document_types/count\\.json", r -> count(documentTypes(r, false)));
        get("document_types/number_availables\\.json", this::numbersAvailable);
        get("document_types/(\\d+)\\.json", r -> one(r, r.company.documentTypes.get(r.id(1)),
                t -> Views.documentType(r.ctx, t)));

        get("payment_types\\.json", r -> list(r, "/v1/payment_types.json",
                r.company.paymentTypes.values().stream().filter(state(r, true, p -> p.state)),
                p -> Views.paymentType(r.ctx, p)));
        get("payment_types/(\\d+)\\.json", r -> one(r, r.company.paymentTypes.get(r.id(1)), p -> Views.paymentType(r.ctx, p)));
        get("payment_types/count\\.json", r -> count(r.company.paymentTypes.values().stream()
                .filter(state(r, false, p -> p.state))));
        get("taxes\\.json", r -> list(r, "/v1/taxes.json",
                r.company.taxes.values().stream().filter(state(r, true, t -> t.state)), t -> Views.tax(r.ctx, t)));
        get("taxes/(\\d+)\\.json", r -> one(r, r.company.taxes.get(r.id(1)), t -> Views.tax(r.ctx, t)));
        get("taxes/count\\.json", r -> count(r.company.taxes.values().stream().filter(state(r, false, t -> t.state))));
        get("shipping_types\\.json", r -> list(r, "/v1/shipping_types.json",
                r.company.shippingTypes.values().stream(), t -> Views.shippingType(r.ctx, t)));

        get("price_lists\\.json", r -> list(r, "/v1/price_lists.json",
                r.company.priceLists.values().stream().filter(state(r, true, p -> p.state)), p -> Views.priceList(r.ctx, p)));
        get("price_lists/(\\d+)\\.json", r -> one(r, r.company.priceLists.get(r.id(1)), p -> Views.priceList(r.ctx, p)));
        get("price_lists/count\\.json", r -> count(r.company.priceLists.values().stream()
                .filter(state(r, false, p -> p.state))));
        get("price_lists/(\\d+)/details\\.json", r -> {
            PriceList pl = found(r.company.priceLists.get(r.id(1)));
            return list(r, "/v1/price_lists/" + pl.id + "/details.json", priceDetails(r, pl), d -> Views.priceDetail(r.ctx, d));
        });
        get("price_lists/(\\d+)/details/(\\d+)\\.json", r -> one(r, priceDetail(r), d -> Views.priceDetail(r.ctx, d)));
        put("price_lists/(\\d+)/details/(\\d+)\\.json", r -> new Reply(200,
                Views.priceDetail(r.ctx, r.company.updatePrice(found(priceDetail(r)), r.body))));

        get("clients\\.json", r -> list(r, "/v1/clients.json", clients(r, true), k -> Views.client(r.ctx, k)));
        get("clients/count\\.json", r -> count(clients(r, false)));
        get("clients/(\\d+)\\.json", r -> one(r, r.company.clients.get(r.id(1)), k -> Views.client(r.ctx, k)));
        post("clients\\.json", r -> created(Views.client(r.ctx, r.company.createClient(r.body))));
        put("clients/(\\d+)\\.json", r -> new Reply(200,
                Views.client(r.ctx, r.company.updateClient(found(r.company.clients.get(r.id(1))), r.body))));

        get("documents\\.json", r -> list(r, "/v1/documents.json", documents(r, true), this.documentView(r)));
        get("documents/count\\.json", r -> count(documents(r, false)));
        get("documents/(\\d+)\\.json", r -> one(r, r.company.documents.get(r.id(1)), documentView(r)));
        get("documents/(\\d+)/details\\.json", r -> {
            Document d = found(r.company.documents.get(r.id(1)));
            return list(r, "/v1/documents/" + d.id + "/details.json", d.details.stream(),
                    x -> Views.documentDetail(r.ctx, x));
        });
        get("documents/(\\d+)/references\\.json", r -> {
            Document d = found(r.company.documents.get(r.id(1)));
            return list(r, "/v1/documents/" + d.id + "/references.json", d.references.stream(),
                    x -> Views.reference(r.ctx, x));
        });
        get("documents/(\\d+)/payments\\.json", r -> {
            Document d = found(r.company.documents.get(r.id(1)));
            return list(r, "/v1/documents/" + d.id + "/payments.json", d.payments.stream(),
                    x -> Views.payment(r.ctx, d, x));
        });
        post("documents\\.json", r -> created(documentView(r).apply(r.company.createDocument(r.body))));

        get("returns\\.json", r -> list(r, "/v1/returns.json", returns(r), x -> Views.returnView(r.ctx, x)));
        get("returns/count\\.json", r -> count(returns(r)));
        get("returns/(\\d+)\\.json", r -> one(r, r.company.returns.get(r.id(1)), x -> Views.returnView(r.ctx, x)));
        get("returns/(\\d+)/details\\.json", r -> {
            Return x = found(r.company.returns.get(r.id(1)));
            return list(r, "/v1/returns/" + x.id + "/details.json", x.details.stream(), d -> Views.returnDetail(r.ctx, x, d));
        });
        post("returns\\.json", r -> created(Views.returnView(r.ctx, r.company.createReturn(r.body))));

        get("shippings\\.json", r -> list(r, "/v1/shippings.json", shippings(r, true), s -> Views.shipping(r.ctx, s)));
        get("shippings/count\\.json", r -> count(shippings(r, false)));
        get("shippings/(\\d+)\\.json", r -> one(r, r.company.shippings.get(r.id(1)), s -> Views.shipping(r.ctx, s)));
        get("shippings/(\\d+)/details\\.json", r -> {
            Shipping s = found(r.company.shippings.get(r.id(1)));
            return list(r, "/v1/shippings/" + s.id + "/details.json", s.details.stream(), d -> Views.shippingDetail(r.ctx, s, d));
        });
        post("shippings\\.json", r -> created(Views.shipping(r.ctx, r.company.createShipping(r.body))));
        delete("shippings/(\\d+)\\.json", r -> new Reply(200,
                Views.shipping(r.ctx, r.company.voidShipping(found(r.company.shippings.get(r.id(1)))))));
    }

    private Function<Document, ObjectNode> documentView(Req r) {
        return d -> Views.document(r.ctx, r.company.cpnId, d);
    }

    private static Stream<PriceDetail> priceDetails(Req r, PriceList pl) {
        Company c = r.company;
        String code = r.param("code");
        String barCode = r.param("barcode");
        Long variantId = r.longParam("variantid");
        Stream<Variant> vs = variantId != null ? Stream.ofNullable(c.variants.get(variantId))
                : code != null ? c.variantsByCode(code).stream()
                : barCode != null ? c.variantsByBarCode(barCode).stream() : null;
        Stream<PriceDetail> base = vs == null ? pl.byVariant.values().stream() : vs.map(v -> pl.byVariant.get(v.id));
        return base.filter(Objects::nonNull).filter(eq(barCode, d -> d.variant.barCode));
    }

    private static PriceDetail priceDetail(Req r) {
        PriceList pl = found(r.company.priceLists.get(r.id(1)));
        PriceDetail d = r.company.priceDetails.get(r.id(2));
        return d != null && d.list == pl ? d : null;
    }

    private Reply numbersAvailable(Req r) {
        String codeSii = r.param("codesii");
        Long typeId = r.longParam("documenttypeid");
        DocumentType t = r.company.documentTypes.values().stream()
                .filter(x -> (typeId != null && x.id == typeId) || (codeSii != null && x.codeSii.equals(codeSii)))
                .filter(x -> x.state == 0).findFirst().orElseThrow(() -> ApiError.badRequest("invalid documentType"));
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("numbers_available", Math.max(0, t.cafLast - t.lastNumber));
        n.put("last", t.lastNumber);
        return new Reply(200, n);
    }
}
