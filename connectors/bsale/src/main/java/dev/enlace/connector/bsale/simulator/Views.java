package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enlace.connector.bsale.simulator.Model.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders rows as Bsale JSON: camelCase attributes, numeric top-level ids, related objects as
 * {@code {href, id:"<string>"}} unless named in {@code expand}, quantities and amounts as floats.
 */
final class Views {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Embedded collections are capped like the real API's (bsale.md §1). */
    static final int EMBEDDED_CAP = 25;

    /** Base URL for hrefs and the relations the caller asked to expand. */
    record Ctx(String base, Set<String> expand) {
        String url(String path) {
            return base + path;
        }

        boolean expands(String relation) {
            return expand.contains(relation);
        }

        /** Nested renders must not expand the same relation again (product -> variants -> product ...). */
        Ctx without(String relation) {
            Set<String> rest = new HashSet<>(expand);
            rest.remove(relation);
            return new Ctx(base, rest);
        }
    }

    private Views() {
    }

    static ObjectNode ref(Ctx c, String path, long id) {
        ObjectNode n = JSON.createObjectNode();
        n.put("href", c.url(path + "/" + id + ".json"));
        n.put("id", String.valueOf(id));
        return n;
    }

    static ObjectNode hrefOnly(Ctx c, String path) {
        ObjectNode n = JSON.createObjectNode();
        n.put("href", c.url(path));
        return n;
    }

    private static ObjectNode head(Ctx c, String path, long id) {
        ObjectNode n = JSON.createObjectNode();
        n.put("href", c.url(path + "/" + id + ".json"));
        n.put("id", id);
        return n;
    }

    /** A related collection: only its href, or its first page when expanded. */
    static <T> ObjectNode collection(Ctx c, String relation, String path, List<T> rows, Function<T, ObjectNode> render) {
        ObjectNode n = hrefOnly(c, path);
        if (c.expands(relation)) {
            n.put("count", rows.size());
            n.put("limit", EMBEDDED_CAP);
            n.put("offset", 0);
            ArrayNode items = n.putArray("items");
            rows.stream().limit(EMBEDDED_CAP).map(render).forEach(items::add);
        }
        return n;
    }

    static ObjectNode office(Ctx c, Office o) {
        ObjectNode n = head(c, "/v1/offices", o.id);
        n.put("name", o.name);
        n.put("description", o.description);
        n.put("address", o.address);
        n.put("latitude", "");
        n.put("longitude", "");
        n.put("isVirtual", o.isVirtual);
        n.put("country", o.country);
        n.put("municipality", o.municipality);
        n.put("city", o.city);
        n.put("zipCode", o.zipCode);
        n.put("costCenter", o.costCenter);
        n.put("state", o.state);
        return n;
    }

    static ObjectNode officeRel(Ctx c, Office o) {
        return c.expands("office") ? office(c.without("office"), o) : ref(c, "/v1/offices", o.id);
    }

    static ObjectNode product(Ctx c, Product p) {
        ObjectNode n = head(c, "/v1/products", p.id);
        n.put("name", p.name);
        n.put("description", p.description);
        n.put("classification", p.classification);
        n.put("ledgerAccount", (String) null);
        n.put("costCenter", (String) null);
        n.put("allowDecimal", p.allowDecimal);
        n.put("stockControl", p.stockControl);
        n.put("printDetailPack", p.printDetailPack);
        n.put("state", p.state);
        n.put("prestashopProductId", 0);
        n.put("presashopAttributeId", 0);
        n.set("product_type", ref(c, "/v1/product_types", p.productTypeId));
        n.set("variants", collection(c, "variants", "/v1/products/" + p.id + "/variants.json", p.variants,
                v -> variant(c.without("variants").without("product"), v)));
        n.set("product_taxes", hrefOnly(c, "/v1/products/" + p.id + "/product_taxes.json"));
        return n;
    }

    static ObjectNode variant(Ctx c, Variant v) {
        ObjectNode n = head(c, "/v1/variants", v.id);
        n.put("description", v.description);
        n.put("unlimitedStock", v.unlimitedStock);
        n.put("allowNegativeStock", v.allowNegativeStock);
        n.put("state", v.state);
        n.put("barCode", v.barCode);
        n.put("code", v.code);
        n.put("imagestionCenterCost", 0);
        n.put("imagestionAccount", 0);
        n.put("imagestionConceptCod", 0);
        n.put("imagestionProyectCod", 0);
        n.put("imagestionCategoryCod", 0);
        n.put("imagestionProductId", 0);
        n.put("serialNumber", v.serialNumber);
        n.put("prestashopCombinationId", 0);
        n.put("prestashopValueId", 0);
        n.set("product", c.expands("product") ? product(c.without("product"), v.product)
                : ref(c, "/v1/products", v.product.id));
        n.set("attribute_values", hrefOnly(c, "/v1/variants/" + v.id + "/attribute_values.json"));
        n.set("costs", hrefOnly(c, "/v1/variants/" + v.id + "/costs.json"));
        return n;
    }

    static ObjectNode stock(Ctx c, Stock s) {
        ObjectNode n = head(c, "/v1/stocks", s.id);
        n.put("quantity", s.quantity);
        n.put("quantityReserved", s.reserved);
        n.put("quantityAvailable", s.available());
        n.set("variant", c.expands("variant") ? variant(c.without("variant"), s.variant)
                : ref(c, "/v1/variants", s.variant.id));
        n.set("office", officeRel(c, s.office));
        return n;
    }

    static ObjectNode variantCosts(Variant v) {
        ObjectNode n = JSON.createObjectNode();
        n.put("averageCost", String.valueOf((double) Math.round(v.averageCost * 100) / 100));
        n.putArray("history");
        return n;
    }

    static ObjectNode reception(Ctx c, StockMove m) {
        ObjectNode n = head(c, "/v1/stocks/receptions", m.id);
        n.put("admissionDate", m.date);
        n.put("document", m.document);
        putNumberish(n, "documentNumber", m.documentNumber);
        n.put("note", m.note);
        n.put("imagestionCctId", 0);
        n.put("imagestionCcDescription", "");
        n.put("internalDispatchId", 0);
        n.set("office", officeRel(c, m.office));
        n.set("details", collection(c, "details", "/v1/stocks/receptions/" + m.id + "/details.json", m.details,
                d -> moveDetail(c, "/v1/stocks/receptions/" + m.id + "/details", d, true)));
        return n;
    }

    static ObjectNode consumption(Ctx c, StockMove m) {
        ObjectNode n = head(c, "/v1/stocks/consumptions", m.id);
        n.put("consumptionDate", m.date);
        n.put("note", m.note);
        n.put("imagestionCcdescription", "");
        n.put("imagestionCenterCostId", 0);
        if (m.consumptionTypeId != null) {
            n.put("consumptionTypeId", m.consumptionTypeId);
        }
        n.set("office", officeRel(c, m.office));
        n.set("details", collection(c, "details", "/v1/stocks/consumptions/" + m.id + "/details.json", m.details,
                d -> moveDetail(c, "/v1/stocks/consumptions/" + m.id + "/details", d, false)));
        return n;
    }

    static ObjectNode moveDetail(Ctx c, String path, MoveDetail d, boolean reception) {
        ObjectNode n = head(c, path, d.id);
        n.put("quantity", d.quantity);
        n.put("cost", d.cost);
        n.put("variantStock", d.variantStock);
        if (reception) {
            n.put("serialNumber", d.serialNumber);
        }
        n.set("variant", c.expands("variant") ? variant(c.without("variant"), d.variant) : ref(c, "/v1/variants", d.variant.id));
        return n;
    }

    static ObjectNode consumptionType(ConsumptionType t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("cntId", t.cntId());
        n.put("cntI18nName", t.cntI18nName());
        n.put("cntActive", t.cntActive());
        n.put("cntCode", t.cntCode());
        return n;
    }

    static ObjectNode documentType(Ctx c, DocumentType t) {
        ObjectNode n = head(c, "/v1/document_types", t.id);
        n.put("name", t.name);
        n.put("initialNumber", 1);
        n.put("codeSii", t.codeSii);
        n.put("isElectronicDocument", t.isElectronicDocument);
        n.put("breakdownTax", t.breakdownTax);
        n.put("use", t.use);
        n.put("isSalesNote", t.isSalesNote);
        n.put("isExempt", t.isExempt);
        n.put("restrictsTax", 0);
        n.put("useClient", t.useClient);
        n.put("messageBodyFormat", "");
        n.put("thermalPrinter", 0);
        n.put("state", t.state);
        n.put("copyNumber", 0);
        n.put("isCreditNote", t.isCreditNote);
        n.put("continuedHigh", 0);
        n.put("ledgerAccount", "");
        n.put("ipadPrint", 0);
        n.put("ipadPrintHigh", "");
        n.put("restrictClientType", 0);
        n.put("useMaxDays", 0);
        n.put("maxDays", 0);
        n.set("book_type", ref(c, "/v1/book_types", t.use == 2 ? 3 : 1));
        return n;
    }

    static ObjectNode paymentType(Ctx c, PaymentType p) {
        ObjectNode n = head(c, "/v1/payment_types", p.id);
        n.put("name", p.name);
        n.put("isVirtual", p.isVirtual);
        n.put("isCheck", p.isCheck);
        n.put("maxCheck", 0);
        n.put("isCreditNote", p.isCreditNote);
        n.put("isClientCredit", p.isClientCredit);
        n.put("isCash", p.isCash);
        n.put("isCreditMemo", 0);
        n.put("state", p.state);
        n.put("maxClientCuota", 0);
        n.put("ledgerAccount", "");
        n.put("isAgreementBank", 0);
        n.put("agreementCode", "");
        return n;
    }

    static ObjectNode tax(Ctx c, Tax t) {
        ObjectNode n = head(c, "/v1/taxes", t.id);
        n.put("name", t.name);
        n.put("percentage", t.percentage);
        n.put("forAllProducts", t.forAllProducts);
        n.put("ledgerAccount", "");
        n.put("code", t.code);
        n.put("state", t.state);
        return n;
    }

    /** Price lists are the one resource whose top-level id is a string (bsale.md §5). */
    static ObjectNode priceList(Ctx c, PriceList p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("href", c.url("/v1/price_lists/" + p.id + ".json"));
        n.put("id", String.valueOf(p.id));
        n.put("name", p.name);
        n.put("description", p.description);
        n.put("state", p.state);
        n.set("coin", ref(c, "/v1/coins", p.coinId));
        n.set("details", hrefOnly(c, "/v1/price_lists/" + p.id + "/details.json"));
        return n;
    }

    static ObjectNode priceDetail(Ctx c, PriceDetail d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("href", c.url("/v1/price_lists/" + d.list.id + "/details/" + d.id + ".json"));
        n.put("id", d.id);
        n.put("variantValue", d.variantValue);
        n.put("variantValueWithTaxes", Company.gross(d.variantValue));
        n.set("variant", c.expands("variant") ? variant(c.without("variant"), d.variant) : ref(c, "/v1/variants", d.variant.id));
        return n;
    }

    static ObjectNode client(Ctx c, Client k) {
        ObjectNode n = head(c, "/v1/clients", k.id);
        n.put("firstName", k.firstName);
        n.put("lastName", k.lastName);
        n.put("email", k.email);
        n.put("code", k.code);
        n.put("phone", k.phone);
        n.put("company", k.company);
        n.put("note", "");
        n.put("facebook", "");
        n.put("twitter", "");
        n.put("hasCredit", k.hasCredit);
        n.put("maxCredit", k.maxCredit);
        n.put("state", k.state);
        n.put("activity", k.activity);
        n.put("city", k.city);
        n.put("municipality", k.municipality);
        n.put("address", k.address);
        n.put("companyOrPerson", k.companyOrPerson);
        n.put("accumulatePoints", 0);
        n.put("points", 0.0);
        n.put("pointsUpdated", (String) null);
        n.put("sendDte", k.sendDte);
        n.put("isForeigner", k.isForeigner);
        n.put("prestashopClienId", 0);
        n.set("contacts", hrefOnly(c, "/v1/clients/" + k.id + "/contacts.json"));
        n.set("attributes", hrefOnly(c, "/v1/clients/" + k.id + "/attributes.json"));
        n.set("addresses", hrefOnly(c, "/v1/clients/" + k.id + "/addresses.json"));
        return n;
    }

    static ObjectNode document(Ctx c, long cpnId, Document d) {
        ObjectNode n = head(c, "/v1/documents", d.id);
        n.put("emissionDate", d.emissionDate);
        n.put("expirationDate", d.expirationDate);
        n.put("generationDate", d.generationDate);
        n.put("rcofDate", (String) null);
        n.put("number", d.number);
        n.put("serialNumber", (String) null);
        n.put("totalAmount", d.totalAmount);
        n.put("netAmount", d.netAmount);
        n.put("taxAmount", d.taxAmount);
        n.put("exemptAmount", d.exemptAmount);
        n.put("notExemptAmount", 0.0);
        n.put("exportTotalAmount", 0.0);
        n.put("exportNetAmount", 0.0);
        n.put("exportTaxAmount", 0.0);
        n.put("exportExemptAmount", 0.0);
        n.put("commissionRate", 0.0);
        n.put("commissionNetAmount", 0.0);
        n.put("commissionTaxAmount", 0.0);
        n.put("commissionTotalAmount", 0.0);
        n.put("percentageTaxWithheld", 0.0);
        n.put("purchaseTaxAmount", 0.0);
        n.put("purchaseTotalAmount", 0.0);
        n.put("address", d.client == null ? "" : d.client.address);
        n.put("municipality", d.client == null ? "" : d.client.municipality);
        n.put("city", d.client == null ? "" : d.client.city);
        n.put("urlTimbre", (String) null);
        n.put("urlPublicView", c.url("/view/" + cpnId + "/" + d.token + "?sfd=99"));
        n.put("urlPdf", c.url("/view/" + cpnId + "/" + d.token + ".pdf"));
        n.put("urlPublicViewOriginal", c.url("/view/" + cpnId + "/" + d.token));
        n.put("urlPdfOriginal", c.url("/view/" + cpnId + "/" + d.token + ".pdf?sfd=99"));
        n.put("token", d.token);
        n.put("state", d.state);
        n.put("commercialState", 0);
        n.put("urlXml", c.url("/view/" + cpnId + "/" + d.token + ".xml"));
        n.put("ted", (String) null);
        n.put("salesId", d.salesId);
        n.put("informedSii", d.informedSii);
        n.put("responseMsgSii", d.responseMsgSii);
        n.set("document_type", c.expands("document_type") ? documentType(c.without("document_type"), d.type)
                : ref(c, "/v1/document_types", d.type.id));
        if (d.client != null) {
            n.set("client", c.expands("client") ? client(c.without("client"), d.client) : ref(c, "/v1/clients", d.client.id));
        }
        n.set("office", officeRel(c, d.office));
        n.set("user", ref(c, "/v1/users", 1));
        n.set("references", collection(c, "references", "/v1/documents/" + d.id + "/references.json", d.references,
                r -> reference(c, r)));
        n.set("document_taxes", hrefOnly(c, "/v1/documents/" + d.id + "/document_taxes.json"));
        n.set("details", collection(c, "details", "/v1/documents/" + d.id + "/details.json", d.details,
                x -> documentDetail(c.without("details"), x)));
        n.set("sellers", hrefOnly(c, "/v1/documents/" + d.id + "/sellers.json"));
        n.set("attributes", hrefOnly(c, "/v1/documents/" + d.id + "/attributes.json"));
        if (c.expands("payments")) {
            n.set("payments", collection(c, "payments", "/v1/documents/" + d.id + "/payments.json", d.payments,
                    p -> payment(c, d, p)));
        }
        return n;
    }

    static ObjectNode documentDetail(Ctx c, DocumentDetail d) {
        ObjectNode n = head(c, "/v1/documents/" + d.document.id + "/details", d.id);
        n.put("lineNumber", d.lineNumber);
        n.put("quantity", d.quantity);
        n.put("netUnitValue", d.netUnitValue);
        n.put("netUnitValueRaw", d.netUnitValue);
        n.put("totalUnitValue", d.totalUnitValue);
        n.put("netAmount", d.netAmount);
        n.put("taxAmount", d.taxAmount);
        n.put("totalAmount", d.totalAmount);
        n.put("netDiscount", d.netDiscount);
        n.put("totalDiscount", d.totalDiscount);
        n.put("note", d.comment);
        n.put("relatedDetailId", 0);
        if (d.variant != null) {
            ObjectNode v = c.expands("variant") ? variant(c.without("variant"), d.variant) : ref(c, "/v1/variants", d.variant.id);
            v.put("description", d.variant.description);
            v.put("code", d.variant.code);
            n.set("variant", v);
        }
        return n;
    }

    static ObjectNode reference(Ctx c, Reference r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("href", c.url("/v1/references/" + r.id() + ".json"));
        n.put("id", r.id());
        n.put("number", r.number());
        n.put("referenceDate", r.referenceDate());
        n.put("reason", r.reason());
        n.put("codeSii", r.codeSii());
        return n;
    }

    static ObjectNode payment(Ctx c, Document d, Payment p) {
        ObjectNode n = head(c, "/v1/payments", p.id());
        n.put("recordDate", p.recordDate());
        n.put("amount", p.amount());
        n.put("operationNumber", "");
        n.put("state", 0);
        n.set("payment_type", ref(c, "/v1/payment_types", p.type().id));
        n.set("document", ref(c, "/v1/documents", d.id));
        return n;
    }

    static ObjectNode returnView(Ctx c, Return r) {
        ObjectNode n = head(c, "/v1/returns", r.id);
        n.put("code", String.valueOf(r.code));
        n.put("returnDate", r.returnDate);
        n.put("motive", r.motive);
        n.put("type", r.type);
        n.put("priceAdjustment", r.priceAdjustment);
        n.put("editTexts", r.editTexts);
        n.put("amount", r.amount);
        n.set("office", officeRel(c, r.office));
        n.set("user", ref(c, "/v1/users", 1));
        n.set("reference_document", ref(c, "/v1/documents", r.reference.id));
        n.set("credit_note", ref(c, "/v1/documents", r.creditNote.id));
        n.set("details", collection(c, "details", "/v1/returns/" + r.id + "/details.json", r.details,
                d -> returnDetail(c, r, d)));
        return n;
    }

    static ObjectNode returnDetail(Ctx c, Return r, ReturnDetail d) {
        ObjectNode n = head(c, "/v1/returns/" + r.id + "/details", d.id);
        n.put("quantity", d.quantity);
        n.put("quantityDevStock", d.quantityDevStock);
        n.put("variantStock", d.variantStock);
        n.put("variantCost", d.variantCost);
        n.put("documentDetailId", d.original.id);
        return n;
    }

    static ObjectNode shipping(Ctx c, Shipping s) {
        ObjectNode n = head(c, "/v1/shippings", s.id);
        n.put("shippingDate", s.shippingDate);
        n.put("address", s.address);
        n.put("municipality", s.municipality);
        n.put("city", s.city);
        n.put("recipient", s.recipient);
        n.put("state", s.state);
        n.set("office", officeRel(c, s.office));
        if (s.destination != null) {
            n.set("destination_office", ref(c, "/v1/offices", s.destination.id));
        }
        n.set("user", ref(c, "/v1/users", 1));
        n.set("shipping_type", ref(c, "/v1/shipping_types", s.shippingTypeId));
        n.set("guide", ref(c, "/v1/documents", s.guide.id));
        n.set("details", collection(c, "details", "/v1/shippings/" + s.id + "/details.json", s.details,
                d -> shippingDetail(c, s, d)));
        return n;
    }

    static ObjectNode shippingDetail(Ctx c, Shipping s, ShippingDetail d) {
        ObjectNode n = head(c, "/v1/shippings/" + s.id + "/details", d.id);
        n.put("quantity", d.quantity);
        n.put("variantStock", d.variantStock);
        if (d.from != null) {
            n.put("detailId", d.from.id);
        }
        if (d.variant != null) {
            n.set("variant", ref(c, "/v1/variants", d.variant.id));
        }
        return n;
    }

    static ObjectNode shippingType(Ctx c, ShippingType t) {
        ObjectNode n = head(c, "/v1/shipping_types", t.id());
        n.put("name", t.name());
        n.put("codeSii", t.codeSii());
        n.put("state", t.state());
        return n;
    }

    /** Echoes a reference number as a JSON number when it is one, like the docs' responses. */
    private static void putNumberish(ObjectNode n, String field, String value) {
        if (value != null && value.matches("\\d{1,18}")) {
            n.put(field, Long.parseLong(value));
        } else {
            n.put(field, value);
        }
    }
}
