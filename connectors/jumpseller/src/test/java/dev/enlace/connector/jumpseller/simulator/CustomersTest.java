package dev.enlace.connector.jumpseller.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CustomersTest extends SimulatorTest {

    private static final String ANA = "{\"customer\": {\"email\": \"ana@example.cl\", \"phone\": \"+56911111111\","
            + " \"billing_address\": {\"name\": \"Ana\", \"surname\": \"Pérez\", \"taxid\": \"12.345.678-5\","
            + " \"address\": \"Av. Italia 1234\", \"city\": \"Santiago\", \"country\": \"CL\"}}}";

    @Test
    void customersAreCreatedFoundByEmailUpdatedAndDeleted() {
        Api.Response created = api.post("/customers.json", ANA);
        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.json().get("customer");
        long id = c.get("id").asLong();
        assertThat(c.get("fullname").asText()).isEqualTo("Ana Pérez");
        assertThat(c.get("status").asText()).isEqualTo("approved");
        assertThat(c.get("billing_addresses").get(0).get("taxid").asText()).isEqualTo("12.345.678-5");

        JsonNode byEmail = api.get("/customers/email/ana@example.cl.json").json();
        assertThat(byEmail.get("customer").get("id").asLong()).isEqualTo(id);
        assertThat(api.get("/customers/email/nadie@example.cl.json").status()).isEqualTo(404);

        Api.Response updated = api.put("/customers/" + id + ".json", "{\"customer\": {\"phone\": \"+56922222222\"}}");
        assertThat(updated.json().get("customer").get("phone").asText()).isEqualTo("+56922222222");
        assertThat(updated.json().get("customer").get("email").asText()).isEqualTo("ana@example.cl");
        assertThat(api.get("/customers.json").json().get(0).get("customer").get("id").asLong()).isEqualTo(id);
        assertThat(api.get("/customers/count.json").json().get("count").asInt()).isEqualTo(1);

        assertThat(api.delete("/customers/" + id + ".json").status()).isEqualTo(200);
        Api.Response gone = api.get("/customers/" + id + ".json");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("message").asText()).isEqualTo("Customer Not Found.");
    }

    @Test
    void duplicateOrMissingEmailIs422() {
        api.post("/customers.json", ANA);
        assertThat(api.post("/customers.json", ANA).status()).isEqualTo(422);
        assertThat(api.post("/customers.json", "{\"customer\": {\"phone\": \"1\"}}").status()).isEqualTo(422);
    }

    @Test
    void searchMatchesEmailNameAndTaxid() {
        api.post("/customers.json", ANA);
        api.post("/customers.json", "{\"customer\": {\"email\": \"bruno@example.cl\"}}");

        assertThat(api.get("/customers/search.json?query=p%C3%A9rez").json()).hasSize(1);
        assertThat(api.get("/customers/search.json?query=12.345.678").json()).hasSize(1);
        assertThat(api.get("/customers/search.json?query=example.cl").json()).hasSize(2);
    }

    @Test
    void customerChangesFireCustomerHooks() {
        try (HookReceiver receiver = new HookReceiver(vertx)) {
            for (String event : new String[] {"customer_created", "customer_updated", "customer_deleted"}) {
                api.post("/hooks.json", "{\"hook\": {\"event\": \"" + event + "\", \"url\": \"" + receiver.url() + "\"}}");
            }
            long id = api.post("/customers.json", ANA).json().get("customer").get("id").asLong();
            api.put("/customers/" + id + ".json", "{\"customer\": {\"accepts_marketing\": true}}");
            api.delete("/customers/" + id + ".json");

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 3);
            assertThat(receiver.received("customer_created").get(0).text()).startsWith("{\"customer\":{");
            assertThat(receiver.received("customer_updated").get(0).text()).contains("\"accepts_marketing\":true");
            assertThat(receiver.received("customer_deleted")).hasSize(1);
        }
    }
}
