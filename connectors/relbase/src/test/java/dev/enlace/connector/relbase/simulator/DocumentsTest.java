package dev.enlace.connector.relbase.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** relbase.md §3 POST /dtes: validation, CLP totals with 19 % IVA, folios per type, stock discount (ST2). */
class DocumentsTest extends SimulatorTestSupport {
    long warehouse;
    long bar;
    long water;

    @BeforeEach
    void catalogue() {
        warehouse = sim.defaultWarehouse(company.companyId());
        RelbaseSeed.Result r = sim.seed(company.companyId(), new RelbaseSeed(null, List.of(
                new RelbaseSeed.Product("BAR-045", "Barra", null, BigDecimal.valueOf(1990), null, Map.of(String.valueOf(warehouse), BigDecimal.TEN)),
                new RelbaseSeed.Product("AGUA-1L", "Agua", null, BigDecimal.valueOf(790), null, Map.of(String.valueOf(warehouse), BigDecimal.TEN)))));
        bar = r.productIds().get(0);
        water = r.productIds().get(1);
    }

    private String boleta(boolean gross, String label) {
        return "{\"type_document\":39,\"ware_house_id\":" + warehouse + ",\"mnt_bruto\":" + gross
                + ",\"label_value\":\"" + label + "\",\"products\":[{\"product_id\":" + bar
                + ",\"quantity\":2,\"price\":1990},{\"product_id\":" + water + ",\"quantity\":1,\"price\":790}]}";
    }

    @Test
    void grossPricesSplitIntoNetAndIvaWithoutDecimals() {
        Resp r = post("/dtes", boleta(true, "Pedido #1"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode d = r.data();
        // 2 x 1990 + 790 = 4770 gross; net = round(4770 / 1.19) = 4008; IVA = 762
        assertThat(d.get("amount_total").asLong()).isEqualTo(4770);
        assertThat(d.get("amount_neto").asLong()).isEqualTo(4008);
        assertThat(d.get("amount_iva").asLong()).isEqualTo(762);
        assertThat(d.get("folio").asLong()).isEqualTo(1);
        assertThat(d.get("pdf_file").get("url").asText()).endsWith(".pdf");
    }

    @Test
    void netPricesGetNineteenPercentIvaAdded() {
        JsonNode d = post("/dtes", boleta(false, "Pedido #2")).data();
        assertThat(d.get("amount_neto").asLong()).isEqualTo(4770);
        assertThat(d.get("amount_iva").asLong()).isEqualTo(906);
        assertThat(d.get("amount_total").asLong()).isEqualTo(5676);
    }

    @Test
    void issuingDiscountsStockInTheChosenWarehouse() {
        post("/dtes", boleta(true, "Pedido #3"));
        assertThat(sim.stock(company.companyId(), bar, warehouse)).isEqualByComparingTo("8");
        assertThat(sim.stock(company.companyId(), water, warehouse)).isEqualByComparingTo("9");
    }

    @Test
    void stockMayGoNegativeThroughSales() {
        sim.setStock(company.companyId(), bar, warehouse, BigDecimal.ONE);
        assertThat(post("/dtes", boleta(true, "Pedido #4")).status()).isEqualTo(201);
        assertThat(sim.stock(company.companyId(), bar, warehouse)).isEqualByComparingTo("-1");
    }

    @Test
    void foliosCountPerDocumentType() {
        post("/dtes", boleta(true, "a"));
        post("/dtes", boleta(true, "b"));
        String note = "{\"type_document\":1001,\"type_document_sii\":39,\"mnt_bruto\":true,\"products\":[{\"product_id\":"
                + bar + ",\"quantity\":1,\"price\":1990}]}";
        JsonNode n = post("/dtes", note).data();
        assertThat(n.get("folio").asLong()).isEqualTo(1);
        assertThat(n.get("type_document_name").asText()).isEqualTo("Nota de venta");
        assertThat(n.get("sii_status").isNull()).isTrue();
        assertThat(post("/dtes", boleta(true, "c")).data().get("folio").asLong()).isEqualTo(3);
    }

    @Test
    void aFacturaNeedsACustomerWithRutRazonSocialGiroAndAddress() {
        String factura = "{\"type_document\":33,\"mnt_bruto\":true,%s\"products\":[{\"product_id\":" + bar
                + ",\"quantity\":1,\"price\":1990}]}";
        Resp none = post("/dtes", factura.formatted(""));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.meta().get("message").asText()).contains("customer_id");
        long thin = sim.addCustomer(company.companyId(), "11111111-1", "Sin Giro", null, null);
        assertThat(post("/dtes", factura.formatted("\"customer_id\":" + thin + ",")).status()).isEqualTo(422);
        long full = sim.addCustomer(company.companyId(), "76123456-0", "Comercial Sur SpA", "Comercio al por menor", "Av. Matta 100");
        Resp ok = post("/dtes", factura.formatted("\"customer_id\":" + full + ","));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.data().get("customer_id").asLong()).isEqualTo(full);
        assertThat(ok.data().get("type_document_sii").asInt()).isEqualTo(33);
    }

    @Test
    void invalidLinesAreRefusedAndDiscountNothing() {
        String unknown = "{\"type_document\":39,\"products\":[{\"product_id\":1,\"quantity\":1}]}";
        assertThat(post("/dtes", unknown).status()).isEqualTo(422);
        String zero = "{\"type_document\":39,\"products\":[{\"product_id\":" + bar + ",\"quantity\":0}]}";
        assertThat(post("/dtes", zero).status()).isEqualTo(422);
        assertThat(post("/dtes", "{\"type_document\":39,\"products\":[]}").status()).isEqualTo(422);
        assertThat(post("/dtes", "{\"type_document\":99,\"products\":[{\"product_id\":" + bar + ",\"quantity\":1}]}").status())
                .isEqualTo(422);
        assertThat(sim.stock(company.companyId(), bar, warehouse)).isEqualByComparingTo("10");
        assertThat(sim.dtes(company.companyId())).isEmpty();
    }

    @Test
    void documentsAreListedByTypeDateRangeAndFolio() {
        post("/dtes", boleta(true, "Pedido #10"));
        post("/dtes", boleta(true, "Pedido #11"));
        String today = LocalDate.now(ZoneId.of("America/Santiago")).toString();
        String tomorrow = LocalDate.now(ZoneId.of("America/Santiago")).plusDays(1).toString();
        assertThat(get("/dtes?type_document=39").data().get("dtes")).hasSize(2);
        assertThat(get("/dtes?type_document=33").data().get("dtes")).isEmpty();
        assertThat(get("/dtes?start_date=" + today + "&end_date=" + today).data().get("dtes")).hasSize(2);
        assertThat(get("/dtes?start_date=" + tomorrow).data().get("dtes")).isEmpty();
        JsonNode byFolio = get("/dtes?query=2").data().get("dtes");
        assertThat(byFolio).hasSize(1);
        assertThat(byFolio.get(0).get("label_value").asText()).isEqualTo("Pedido #11");
        assertThat(get("/dtes?start_date=yesterday").status()).isEqualTo(400);
    }

    @Test
    void aDocumentDetailListsItsProducts() {
        long id = post("/dtes", boleta(true, "Pedido #20")).data().get("id").asLong();
        JsonNode d = get("/dtes/" + id).data();
        assertThat(d.get("products")).hasSize(2);
        assertThat(d.get("products").get(0).get("code").asText()).isEqualTo("BAR-045");
        assertThat(d.has("references")).isTrue();
    }

    @Test
    void lineDiscountsArePercentagesOfTheLine() {
        String body = "{\"type_document\":39,\"mnt_bruto\":true,\"products\":[{\"product_id\":" + bar
                + ",\"quantity\":2,\"price\":2500,\"discount\":10}]}";
        // 2 x 2500 = 5000, less 10 % = 4500 gross
        assertThat(post("/dtes", body).data().get("amount_total").asLong()).isEqualTo(4500);
    }

    @Test
    void exemptDocumentsAndLinesCarryNoIva() {
        String exempt = "{\"type_document\":41,\"mnt_bruto\":true,\"products\":[{\"product_id\":" + bar
                + ",\"quantity\":1,\"price\":1990}]}";
        JsonNode d = post("/dtes", exempt).data();
        assertThat(d.get("amount_exempt").asLong()).isEqualTo(1990);
        assertThat(d.get("amount_iva").asLong()).isZero();
        assertThat(d.get("amount_total").asLong()).isEqualTo(1990);
        String mixed = "{\"type_document\":39,\"mnt_bruto\":true,\"products\":[{\"product_id\":" + bar
                + ",\"quantity\":1,\"price\":1190},{\"product_id\":" + water + ",\"quantity\":1,\"price\":500,\"tax_affected\":false}]}";
        JsonNode m = post("/dtes", mixed).data();
        assertThat(m.get("amount_neto").asLong()).isEqualTo(1000);
        assertThat(m.get("amount_iva").asLong()).isEqualTo(190);
        assertThat(m.get("amount_exempt").asLong()).isEqualTo(500);
        assertThat(m.get("amount_total").asLong()).isEqualTo(1690);
    }

    // ---- notas de crédito (61) and guías (52), README guess 21 ----

    private String afterBoleta(int type, long folio, long quantity, String extra) {
        return "{\"type_document\":" + type + ",\"ware_house_id\":" + warehouse + ",\"mnt_bruto\":true," + extra
                + "\"references\":[{\"type_document_ref\":39,\"folio_ref\":" + folio + ",\"date_ref\":\""
                + LocalDate.now(ZoneId.of("America/Santiago")) + "\",\"code_ref\":1,\"reason_ref\":\"Anula documento\"}],"
                + "\"products\":[{\"product_id\":" + bar + ",\"quantity\":" + quantity + ",\"price\":1990}]}";
    }

    @Test
    void creditNoteReferencingABoletaPutsItsUnitsBackAndShowsTheReference() {
        long folio = post("/dtes", boleta(true, "Pedido #30")).data().get("folio").asLong();
        Resp credit = post("/dtes", afterBoleta(61, folio, 2, ""));
        assertThat(credit.status()).as(credit.body().toString()).isEqualTo(201);
        // its own folio series
        assertThat(credit.data().get("folio").asLong()).isEqualTo(1);
        assertThat(sim.stock(company.companyId(), bar, warehouse)).isEqualByComparingTo("10");
        JsonNode ref = get("/dtes/" + credit.data().get("id").asLong()).data().get("references").get(0);
        assertThat(ref.get("type_document_ref").asInt()).isEqualTo(39);
        assertThat(ref.get("folio_ref").asLong()).isEqualTo(folio);
        assertThat(ref.get("code_ref").asInt()).isEqualTo(1);
        assertThat(ref.get("reason_ref").asText()).isEqualTo("Anula documento");
    }

    @Test
    void creditNoteForADocumentTheCompanyNeverIssuedIsRefused() {
        Resp credit = post("/dtes", afterBoleta(61, 999, 1, ""));
        assertThat(credit.status()).isEqualTo(422);
        assertThat(credit.meta().get("message").asText()).contains("referencia");
        String bare = "{\"type_document\":61,\"products\":[{\"product_id\":" + bar + ",\"quantity\":1,\"price\":1990}]}";
        assertThat(post("/dtes", bare).status()).isEqualTo(422);
        assertThat(sim.stock(company.companyId(), bar, warehouse)).isEqualByComparingTo("10");
    }

    @Test
    void creditNotesMayNotTakeOffMoreThanTheDocumentTotal() {
        long folio = post("/dtes", boleta(true, "Pedido #31")).data().get("folio").asLong();
        assertThat(post("/dtes", afterBoleta(61, folio, 3, "")).status()).isEqualTo(422);
        assertThat(post("/dtes", afterBoleta(61, folio, 2, "")).status()).isEqualTo(201);
        // the boleta's 4770 less the 3980 already credited leaves less than one more bar
        assertThat(post("/dtes", afterBoleta(61, folio, 1, "")).status()).isEqualTo(422);
    }

    @Test
    void guiaCarriesItsTransferTypeAndMovesNoStock() {
        long folio = post("/dtes", boleta(true, "Pedido #32")).data().get("folio").asLong();
        assertThat(post("/dtes", afterBoleta(52, folio, 2, "")).status()).isEqualTo(422);
        Resp guia = post("/dtes", afterBoleta(52, folio, 2, "\"type_transfer\":1,"));
        assertThat(guia.status()).as(guia.body().toString()).isEqualTo(201);
        assertThat(guia.data().get("type_transfer").asInt()).isEqualTo(1);
        assertThat(guia.data().get("type_document_name").asText()).isEqualTo("Guía de despacho electrónica");
        assertThat(guia.data().get("references").get(0).get("folio_ref").asLong()).isEqualTo(folio);
        // the boleta took the 2 bars out already
        assertThat(sim.stock(company.companyId(), bar, warehouse)).isEqualByComparingTo("8");
    }
}
