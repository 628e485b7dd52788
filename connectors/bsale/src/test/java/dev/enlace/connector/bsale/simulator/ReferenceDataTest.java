package dev.enlace.connector.bsale.simulator;

import dev.enlace.simulator.ChileanRut;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Document types, payment types, taxes, price lists and clients (bsale.md §2, §5, §6). */
class ReferenceDataTest extends SimulatorTestSupport {

    @Test
    void documentTypesAreFoundBySiiCodeAndTheirIdsAreNotTheCode() {
        for (String code : new String[] {"33", "39", "61", "52"}) {
            Resp r = get("/v1/document_types.json?codesii=" + code + "&state=0");
            assertThat(r.body().get("count").asInt()).as(code).isEqualTo(1);
            JsonNode t = r.items().get(0);
            assertThat(t.get("codeSii").asText()).isEqualTo(code);
            assertThat(t.get("id").asText()).isNotEqualTo(code);
        }
        JsonNode nc = get("/v1/document_types.json?codesii=61").items().get(0);
        assertThat(nc.get("isCreditNote").asInt()).isEqualTo(1);
        assertThat(nc.get("use").asInt()).isEqualTo(1);
        assertThat(get("/v1/document_types.json?codesii=52").items().get(0).get("use").asInt()).isEqualTo(2);
        assertThat(get("/v1/document_types.json?codesii=39").items().get(0).get("use").asInt()).isZero();
    }

    @Test
    void inactiveDocumentTypesAreListedOnlyWhenAskedFor() {
        assertThat(get("/v1/document_types.json?codesii=30").body().get("count").asInt()).isZero();
        assertThat(get("/v1/document_types.json?codesii=30&state=1").body().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void remainingFoliosAreReported() {
        JsonNode r = get("/v1/document_types/number_availables.json?codesii=39").body();
        assertThat(r.get("numbers_available").asLong()).isPositive();
        assertThat(r.has("last")).isTrue();
    }

    @Test
    void ivaIsNineteenPercentAsAString() {
        JsonNode iva = get("/v1/taxes.json").items().get(0);
        assertThat(iva.get("percentage").isTextual()).isTrue();
        assertThat(iva.get("percentage").asText()).isEqualTo("19.0");
        assertThat(iva.get("name").asText()).isEqualTo("IVA");
    }

    @Test
    void paymentTypesIncludeCash() {
        Resp r = get("/v1/payment_types.json");
        assertThat(r.items()).anySatisfy(p -> assertThat(p.get("isCash").asInt()).isEqualTo(1));
    }

    @Test
    void priceListIdsAreStringsAndDetailsCarryNetAndGrossValues() {
        long v = seedVariant("PRC-1", 0, 25000.23);
        JsonNode list = get("/v1/price_lists.json").items().get(0);
        assertThat(list.get("id").isTextual()).isTrue();
        String id = list.get("id").asText();
        JsonNode detail = get("/v1/price_lists/" + id + "/details.json?code=PRC-1").items().get(0);
        assertThat(detail.get("variantValue").asDouble()).isEqualTo(25000.23);
        assertThat(detail.get("variantValueWithTaxes").asDouble()).isEqualTo(29750.0);
        assertThat(detail.get("variant").get("id").asText()).isEqualTo(String.valueOf(v));
        assertThat(get("/v1/price_lists/" + id + "/details.json?variantid=[" + v + "]").body().get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void priceUpdateRecomputesTheGrossValue() {
        seedVariant("PRC-2", 0, 1000);
        JsonNode detail = get("/v1/price_lists/1/details.json?code=PRC-2").items().get(0);
        Resp r = put("/v1/price_lists/1/details/" + detail.get("id").asLong() + ".json",
                "{\"id\": %d, \"variantValue\": 2000}".formatted(detail.get("id").asLong()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("variantValueWithTaxes").asDouble()).isEqualTo(2380.0);
    }

    @Test
    void clientsAreCreatedAndFoundByCodeOrEmail() {
        Resp created = post("/v1/clients.json", """
                {"firstName": "Ana", "lastName": "Pérez", "code": "12345678-5", "email": "ana@example.cl",
                 "company": "Ana Pérez", "activity": "Particular", "address": "Av. Italia 1234",
                 "city": "Santiago", "municipality": "Providencia", "companyOrPerson": 0}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("municipality").asText()).isEqualTo("Providencia");
        assertThat(get("/v1/clients.json?code=12345678-5").body().get("count").asInt()).isEqualTo(1);
        assertThat(get("/v1/clients.json?email=ana@example.cl").items().get(0).get("id").asLong())
                .isEqualTo(created.body().get("id").asLong());
    }

    @Test
    void duplicateClientCodesAreAcceptedOnCreate() {
        String body = "{\"firstName\": \"Ana\", \"code\": \"11111111-1\"}";
        assertThat(post("/v1/clients.json", body).status()).isEqualTo(201);
        assertThat(post("/v1/clients.json", body).status()).isEqualTo(201);
        assertThat(get("/v1/clients.json?code=11111111-1").body().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void clientWithAWrongRutCheckDigitIsRejected() {
        Resp r = post("/v1/clients.json", "{\"firstName\": \"Ana\", \"code\": \"12345678-9\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).contains("12345678-9");
    }

    @Test
    void rutCheckDigitFollowsModuloEleven() {
        assertThat(ChileanRut.isValid("12345678-5")).isTrue();
        assertThat(ChileanRut.isValid("1-9")).isTrue();
        assertThat(ChileanRut.isValid("76.123.456-0")).isTrue();
        assertThat(ChileanRut.isValid("10000013-k")).isTrue();
        assertThat(ChileanRut.isValid("12345678-9")).isFalse();
        assertThat(ChileanRut.isValid("12345678")).isFalse();
    }
}
