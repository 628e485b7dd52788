package dev.enlace.connector.bsale.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Price lists a company adds in the back office, and their prices (bsale.md §5, CA7). */
class PriceListsTest extends SimulatorTestSupport {

    @Test
    void aListAddedInTheBackOfficeHasEveryVariantAtZeroAndAStringId() {
        long variant = seedVariant("PL-1", 1, 10000);
        long web = sim.addPriceList(company.cpnId(), "Web");

        JsonNode lists = get("/v1/price_lists.json").body();
        assertThat(lists.get("count").asInt()).isEqualTo(2);
        assertThat(lists.get("items").get(1).get("id").asText()).isEqualTo(String.valueOf(web));
        JsonNode detail = get("/v1/price_lists/" + web + "/details.json?variantid=" + variant).items().get(0);
        assertThat(detail.get("variantValue").asDouble()).isZero();
    }

    @Test
    void aPriceSetInTheBackOfficeIsReadWithAndWithoutTaxes() {
        long variant = seedVariant("PL-2", 1, 10000);
        long web = sim.addPriceList(company.cpnId(), "Web");

        sim.setPrice(company.cpnId(), web, variant, 20000);

        JsonNode detail = get("/v1/price_lists/" + web + "/details.json?variantid=" + variant).items().get(0);
        assertThat(detail.get("variantValue").asDouble()).isEqualTo(20000.0);
        assertThat(detail.get("variantValueWithTaxes").asDouble()).isEqualTo(23800.0);
        JsonNode base = get("/v1/price_lists/1/details.json?variantid=" + variant).items().get(0);
        assertThat(base.get("variantValue").asDouble()).as("other lists keep their price").isEqualTo(10000.0);
    }
}
