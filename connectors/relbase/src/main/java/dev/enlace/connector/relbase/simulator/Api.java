package dev.enlace.connector.relbase.simulator;

import dev.enlace.simulator.RequestPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.relbase.simulator.Company.Customer;
import dev.enlace.connector.relbase.simulator.Company.Dte;
import dev.enlace.connector.relbase.simulator.Company.Line;
import dev.enlace.connector.relbase.simulator.Company.Product;
import dev.enlace.connector.relbase.simulator.Company.Warehouse;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The {@code /api/v1} API: the two token headers, the 7 req/s limit (403), fault injection, then the routes. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int DEFAULT_PER_PAGE = 25;
    static final int MAX_PER_PAGE = 100;
    static final String RATE_LIMITED = "rate limit exceeded";

    record Req(Company company, Matcher path, MultiMap query, JsonNode body, String base) {
        long id(int group) {
            return Long.parseLong(path.group(group));
        }

        String param(String name) {
            String v = query.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    record Reply(int status, JsonNode body) {
    }

    private record Route(HttpMethod method, Pattern pattern, Function<Req, Reply> handler) {
    }

    private final RelbaseSimulator sim;
    private final List<Route> routes = new ArrayList<>();

    Api(RelbaseSimulator sim) {
        this.sim = sim;
        route(HttpMethod.GET, "/productos", this::products);
        route(HttpMethod.GET, "/productos/(\\d+)", r -> one(product(r, 1), p -> product(r.company(), p)));
        route(HttpMethod.GET, "/productos/(\\d+)/stock_por_bodegas", this::stockByWarehouse);
        route(HttpMethod.POST, "/productos", r -> ok(201, product(r.company(), ProductWrites.create(r))));
        route(HttpMethod.PUT, "/productos/(\\d+)", r -> ok(200, product(r.company(), ProductWrites.update(r, product(r, 1)))));
        route(HttpMethod.GET, "/bodegas", r -> list(r, "warehouses", r.company().warehouses.values().stream(), Api::warehouse));
        route(HttpMethod.GET, "/clientes", this::customers);
        route(HttpMethod.GET, "/clientes/(\\d+)", r -> one(r.company().customers.get(r.id(1)), Api::customer));
        route(HttpMethod.POST, "/clientes", this::createCustomer);
        route(HttpMethod.GET, "/forma_pagos", r -> list(r, "type_payments", r.company().paymentTypes.values().stream(), p -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", p.id()).put("name", p.name()).put("fma_pago_sii", p.fmaPagoSii())
                    .put("kind_payment", p.kindPayment()).put("enabled", true);
            return n;
        }));
        route(HttpMethod.GET, "/canal_ventas", r -> list(r, "channels", r.company().channels.values().stream(),
                c -> JSON.createObjectNode().put("id", c.id()).put("name", c.name())));
        route(HttpMethod.GET, "/dtes", this::dtes);
        route(HttpMethod.GET, "/dtes/(\\d+)", r -> one(r.company().dtes.get(r.id(1)), d -> dte(r, d, true)));
        route(HttpMethod.POST, "/dtes", this::createDte);
    }

    private void route(HttpMethod method, String path, Function<Req, Reply> handler) {
        routes.add(new Route(method, Pattern.compile(path), handler));
    }

    void handle(RoutingContext rc) {
        Company company = sim.authenticate(rc.request().getHeader("company"), rc.request().getHeader("authorization"));
        if (company == null) {
            send(rc, 401, meta(401, "No autorizado: revise los tokens company y authorization"));
            return;
        }
        if (!company.rate.tryAcquire()) {
            company.rateLimited.incrementAndGet();
            send(rc, 403, meta(403, RATE_LIMITED));
            return;
        }
        double fault = company.faultFraction;
        if (fault > 0 && ThreadLocalRandom.current().nextDouble() < fault) {
            int status = company.faultStatus;
            send(rc, status, meta(status, status == 403 ? RATE_LIMITED : "Internal Server Error"));
            return;
        }
        String path = RequestPaths.inside(rc).substring(RelbaseSimulator.API_PREFIX.length());
        Route match = null;
        Matcher matcher = null;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (m.matches() && route.method().equals(rc.request().method())) {
                match = route;
                matcher = m;
                break;
            }
        }
        if (match == null) {
            send(rc, 404, meta(404, "Not Found"));
            return;
        }
        JsonNode body = null;
        if (HttpMethod.POST.equals(rc.request().method()) || HttpMethod.PUT.equals(rc.request().method())) {
            try {
                body = JSON.readTree(rc.body() == null ? "" : rc.body().asString());
            } catch (Exception e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                send(rc, 400, meta(400, "JSON inválido"));
                return;
            }
        }
        Req req = new Req(company, matcher, rc.queryParams(), body, sim.baseUrl(rc));
        Reply reply;
        try {
            synchronized (company) {
                reply = match.handler().apply(req);
            }
        } catch (ApiError e) {
            reply = new Reply(e.status, meta(e.status, e.getMessage()));
        }
        send(rc, reply.status(), reply.body());
    }

    static void send(RoutingContext rc, int status, JsonNode body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.toString());
    }

    /** Errors reuse the envelope's meta block (relbase.md §1, a guess). */
    static ObjectNode meta(int code, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("meta").put("code", code).put("message", message);
        return n;
    }

    // ---- envelope ----

    private static <T> Reply list(Req r, String key, Stream<T> rows, Function<T, ObjectNode> render) {
        int perPage = Math.min(Math.max(intParam(r.param("per_page"), DEFAULT_PER_PAGE), 1), MAX_PER_PAGE);
        int page = Math.max(intParam(r.param("page"), 1), 1);
        List<T> all = rows.toList();
        int totalPages = (all.size() + perPage - 1) / perPage;
        ObjectNode n = JSON.createObjectNode();
        ArrayNode items = n.putObject("data").putArray(key);
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).map(render).forEach(items::add);
        ObjectNode meta = n.putObject("meta").put("code", 200).put("message", "OK").put("current_page", page);
        if (page < totalPages) {
            meta.put("next_page", page + 1);
        } else {
            meta.putNull("next_page");
        }
        if (page > 1) {
            meta.put("prev_page", page - 1);
        } else {
            meta.putNull("prev_page");
        }
        meta.put("total_pages", totalPages).put("total_count", all.size());
        return new Reply(200, n);
    }

    private static <T> Reply one(T row, Function<T, ObjectNode> render) {
        if (row == null) {
            throw ApiError.notFound();
        }
        return ok(200, render.apply(row));
    }

    private static Reply ok(int status, ObjectNode data) {
        ObjectNode n = JSON.createObjectNode();
        n.set("data", data);
        n.putObject("meta").put("code", status).put("message", "OK");
        return new Reply(status, n);
    }

    private static int intParam(String raw, int fallback) {
        try {
            return raw == null ? fallback : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean contains(String field, String query) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }

    // ---- products and warehouses ----

    private Reply products(Req r) {
        String query = r.param("query");
        String exempt = r.param("tax_exempt");
        Stream<Product> rows = r.company().products.values().stream()
                .filter(p -> query == null || contains(p.name, query) || contains(p.code, query) || contains(p.barcode, query))
                .filter(p -> exempt == null || Boolean.parseBoolean(exempt) == !p.taxAffected);
        return list(r, "products", rows, p -> product(r.company(), p));
    }

    private static Product product(Req r, int group) {
        return r.company().products.get(r.id(group));
    }

    static ObjectNode product(Company c, Product p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", p.id).put("name", p.name).put("code", p.code).put("barcode", p.barcode)
                .put("description", p.description).put("price", p.price).put("unit_cost", p.unitCost)
                .put("tax_affected", p.taxAffected).put("tax_exempt", !p.taxAffected)
                .put("url_image", p.urlImage);
        ArrayNode inv = n.putArray("inventories");
        c.warehouses.keySet().forEach(w -> inv.addObject().put("ware_house_id", w).put("stock", c.stock(p, w)));
        n.put("created_at", p.createdAt.toString()).put("updated_at", p.updatedAt.toString());
        return n;
    }

    private Reply stockByWarehouse(Req r) {
        Product p = product(r, 1);
        if (p == null) {
            throw ApiError.notFound();
        }
        ObjectNode data = JSON.createObjectNode();
        ArrayNode stocks = data.putArray("stocks");
        r.company().warehouses.values().forEach(w -> stocks.addObject().put("ware_house_id", w.id)
                .put("ware_house_name", w.name).put("current_stock", r.company().stock(p, w.id)));
        return ok(200, data);
    }

    static ObjectNode warehouse(Warehouse w) {
        return JSON.createObjectNode().put("id", w.id).put("name", w.name).put("address", w.address)
                .put("enabled", w.enabled);
    }

    // ---- customers ----

    private Reply customers(Req r) {
        String query = r.param("query");
        return list(r, "customers", r.company().customers.values().stream()
                .filter(c -> query == null || contains(c.name, query) || contains(c.rut, query.replace(".", ""))),
                Api::customer);
    }

    static ObjectNode customer(Customer c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", c.id).put("type_customer", c.typeCustomer).put("rut", c.rut).put("name", c.name)
                .put("name_fantasy", c.name).put("address", c.address).put("business_activity", c.businessActivity)
                .put("active", true).put("phone", c.phone).put("full_address", c.address);
        ArrayNode emails = n.putArray("email");
        if (c.email != null) {
            emails.add(c.email);
        }
        return n;
    }

    private Reply createCustomer(Req r) {
        Customer c = new Customer();
        c.rut = text(r.body(), "rut");
        c.name = text(r.body(), "name");
        c.businessActivity = text(r.body(), "business_activity");
        c.address = text(r.body(), "address");
        c.phone = text(r.body(), "phone");
        JsonNode email = r.body().get("email");
        c.email = email == null || email.isNull() ? null : email.isArray() ? email.path(0).asText(null) : email.asText();
        if (c.name == null) {
            throw ApiError.unprocessable("name es obligatorio");
        }
        return ok(201, customer(r.company().addCustomer(c)));
    }

    // ---- documents ----

    private Reply dtes(Req r) {
        Integer type = r.param("type_document") == null ? null : intParam(r.param("type_document"), -1);
        LocalDate from = date(r.param("start_date"), "start_date");
        LocalDate to = date(r.param("end_date"), "end_date");
        String query = r.param("query");
        Stream<Dte> rows = r.company().dtes.values().stream()
                .filter(d -> type == null || d.typeDocument == type)
                .filter(d -> from == null || !d.startDate.isBefore(from))
                .filter(d -> to == null || !d.startDate.isAfter(to))
                .filter(d -> query == null || String.valueOf(d.folio).equals(query))
                // newest first, as a document list in the UI
                .sorted((a, b) -> Long.compare(b.id, a.id));
        return list(r, "dtes", rows, d -> dte(r, d, false));
    }

    private static LocalDate date(String raw, String name) {
        try {
            return raw == null ? null : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " inválido, use AAAA-MM-DD");
        }
    }

    static ObjectNode dte(Req r, Dte d, boolean detail) {
        return dte(r.base(), d, detail);
    }

    static ObjectNode dte(String base, Dte d, boolean detail) {
        ObjectNode n = JSON.createObjectNode();
        boolean tax = d.typeDocument != 1001;
        n.put("id", d.id).put("folio", d.folio).put("type_document", d.typeDocument)
                .put("type_document_name", Company.DOCUMENT_TYPES.get(d.typeDocument));
        if (tax) {
            n.put("type_document_sii", d.typeDocument).put("sii_status", 1).put("sii_status_name", "Aceptado")
                    .put("track_id", 900_000_000L + d.id);
        } else {
            n.put("type_document_sii", d.typeDocumentSii).putNull("sii_status").putNull("sii_status_name").putNull("track_id");
        }
        n.put("start_date", d.startDate.toString()).put("end_date", d.endDate.toString())
                .put("customer_id", d.customer == null ? null : d.customer.id)
                .put("address", d.customer == null ? null : d.customer.address)
                .put("channel_id", d.channelId).put("type_payment_id", d.typePaymentId)
                .put("ware_house_id", d.wareHouseId).put("label_value", d.labelValue).put("status", "emitido")
                .put("comment", d.comment).put("amount_neto", d.amountNeto).put("amount_iva", d.amountIva)
                .put("amount_exempt", d.amountExempt).put("amount_tax", 0).put("amount_total", d.amountTotal)
                .put("mnt_bruto", d.mntBruto).put("currency", "CLP");
        n.putObject("pdf_file").put("url", base + "/_sim/pdf/" + d.id + ".pdf");
        n.putObject("xml_inter_file").put("url", base + "/_sim/xml/" + d.id + ".xml");
        n.put("created_at", d.createdAt.toString()).put("updated_at", d.createdAt.toString());
        if (detail) {
            ArrayNode products = n.putArray("products");
            for (Line l : d.lines) {
                products.addObject().put("product_id", l.product().id).put("name", l.product().name)
                        .put("code", l.product().code).put("price", l.price()).put("quantity", l.quantity())
                        .put("discount", l.discount()).put("tax_affected", l.taxAffected())
                        .put("unit_cost", l.product().unitCost).put("total", l.amount());
            }
            n.putArray("emails");
            n.putArray("sii_tracks");
            ArrayNode references = n.putArray("references");
            for (Company.Reference ref : d.references) {
                references.addObject().put("type_document_ref", ref.typeDocumentRef()).put("folio_ref", ref.folioRef())
                        .put("date_ref", ref.dateRef() == null ? null : ref.dateRef().toString())
                        .put("code_ref", ref.codeRef()).put("reason_ref", ref.reasonRef());
            }
            if (d.typeTransfer != null) {
                n.put("type_transfer", d.typeTransfer);
            }
            n.putArray("dte_children");
        }
        return n;
    }

    private Reply createDte(Req r) {
        Company c = r.company();
        JsonNode b = r.body();
        Dte d = new Dte();
        Long type = longField(b, "type_document");
        if (type == null) {
            throw ApiError.unprocessable("type_document es obligatorio");
        }
        d.typeDocument = type.intValue();
        Long sii = longField(b, "type_document_sii");
        d.typeDocumentSii = sii == null ? null : sii.intValue();
        d.startDate = date(text(b, "start_date"), "start_date");
        d.endDate = date(text(b, "end_date"), "end_date");
        Long customerId = longField(b, "customer_id");
        if (customerId != null) {
            d.customer = c.customers.get(customerId);
            if (d.customer == null) {
                throw ApiError.unprocessable("customer_id no existe");
            }
        }
        d.channelId = longField(b, "channel_id");
        if (d.channelId != null && !c.channels.containsKey(d.channelId)) {
            throw ApiError.unprocessable("channel_id no existe");
        }
        d.typePaymentId = longField(b, "type_payment_id");
        if (d.typePaymentId != null && !c.paymentTypes.containsKey(d.typePaymentId)) {
            throw ApiError.unprocessable("type_payment_id no existe");
        }
        Long warehouse = longField(b, "ware_house_id");
        d.wareHouseId = warehouse != null ? warehouse : c.warehouses.keySet().iterator().next();
        d.labelValue = text(b, "label_value");
        d.comment = text(b, "comment");
        d.mntBruto = b.path("mnt_bruto").asBoolean(false);
        Long transfer = longField(b, "type_transfer");
        d.typeTransfer = transfer == null ? null : transfer.intValue();
        for (JsonNode ref : b.path("references")) {
            Long refType = longField(ref, "type_document_ref");
            Long folio = longField(ref, "folio_ref");
            if (refType == null || folio == null) {
                throw ApiError.unprocessable("references requiere type_document_ref y folio_ref");
            }
            Long code = longField(ref, "code_ref");
            d.references.add(new Company.Reference(refType.intValue(), folio, date(text(ref, "date_ref"), "date_ref"),
                    code == null ? null : code.intValue(), text(ref, "reason_ref")));
        }
        List<Line> lines = new ArrayList<>();
        for (JsonNode l : b.path("products")) {
            Long productId = longField(l, "product_id");
            Product p = productId == null ? null : c.products.get(productId);
            if (p == null) {
                throw ApiError.unprocessable("product_id no existe: " + productId);
            }
            BigDecimal price = decimal(l, "price", p.price);
            lines.add(new Line(p, decimal(l, "quantity", BigDecimal.ZERO), price, decimal(l, "discount", BigDecimal.ZERO),
                    l.has("tax_affected") ? l.get("tax_affected").asBoolean() : p.taxAffected, 0));
        }
        return ok(201, dte(r, c.issue(d, lines), true));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    static Long longField(JsonNode n, String field) {
        String v = text(n, field);
        try {
            return v == null ? null : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiError.unprocessable(field + " inválido");
        }
    }

    static BigDecimal decimal(JsonNode n, String field, BigDecimal fallback) {
        String v = text(n, field);
        try {
            return v == null ? fallback : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw ApiError.unprocessable(field + " inválido");
        }
    }
}
