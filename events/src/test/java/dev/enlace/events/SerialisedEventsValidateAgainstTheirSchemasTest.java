package dev.enlace.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a service publishes, serialised as Quarkus does, is valid against the schema shipped in
 * this jar; and the schema rejects what the contract forbids.
 */
class SerialisedEventsValidateAgainstTheirSchemasTest {

    private static final ObjectMapper JSON = QuarkusLikeJson.mapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // date-time is an annotation only in 2020-12 unless asserted: we want it checked
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventWithEveryPropertySetIsValid(EventType eventType) {
        ObjectNode event = JSON.valueToTree(Samples.complete(eventType.dataClass()));

        assertThat(validate(eventType, event)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventWithEveryNullableComponentNullIsValid(EventType eventType) {
        ObjectNode event = JSON.valueToTree(Samples.sparse(eventType.dataClass()));

        assertThat(validate(eventType, event)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void propertyUnknownToThisVersionIsAccepted(EventType eventType) {
        ObjectNode event = JSON.valueToTree(Samples.complete(eventType.dataClass()));
        event.put("addedInALaterRelease", "consumers must ignore it");

        assertThat(validate(eventType, event)).isEmpty();
    }

    @Test
    void missingPropertyIsRejectedEvenWhenItMayBeNull() {
        ObjectNode event = JSON.valueToTree(Samples.complete(StockChanged.class));
        event.remove("erpQuantity");

        assertThat(validate(EventType.STOCK_CHANGED, event))
                .extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("erpQuantity"));
    }

    @Test
    void nullTenantIsRejected() {
        ObjectNode event = JSON.valueToTree(Samples.complete(StockChanged.class));
        event.putNull("tenant");

        assertThat(validate(EventType.STOCK_CHANGED, event))
                .extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("tenant"));
    }

    @Test
    void timeIsAnRfc3339StringNotATimestampNumber() {
        ObjectNode event = JSON.valueToTree(Samples.complete(StockChanged.class));

        assertThat(event.get("observedAt").asText()).isEqualTo("2026-11-24T09:30:00.123-03:00");
        event.put("observedAt", 1_795_000_000L);
        assertThat(validate(EventType.STOCK_CHANGED, event)).isNotEmpty();
        event.put("observedAt", "2026-11-24 09:30");
        assertThat(validate(EventType.STOCK_CHANGED, event)).isNotEmpty();
    }

    @Test
    void amountIsAnExactJsonNumberNotAString() {
        ObjectNode event = JSON.valueToTree(Samples.complete(OrderPaid.class));

        assertThat(event.at("/order/total/amount").isBigDecimal()).isTrue();
        ((ObjectNode) event.at("/order/total")).put("amount", "1990.50");
        assertThat(validate(EventType.ORDER_PAID, event)).isNotEmpty();
    }

    @Test
    void enumIsWrittenByNameAndOnlyKnownNamesAreValid() {
        ObjectNode event = JSON.valueToTree(Samples.complete(DocumentIssued.class));

        assertThat(event.get("purpose").asText()).isEqualTo(DocumentPurpose.SALE.name());
        event.put("purpose", "REFUND");
        assertThat(validate(EventType.DOCUMENT_ISSUED, event)).isNotEmpty();
    }

    private static Set<ValidationMessage> validate(EventType eventType, ObjectNode event) {
        // the schema as it ships in the jar, where consumers find it
        try (InputStream schema = EventType.class.getResourceAsStream(eventType.schemaResource())) {
            assertThat(schema).as("schema resource %s", eventType.schemaResource()).isNotNull();
            JsonSchema jsonSchema = FACTORY.getSchema(schema, CONFIG);
            return jsonSchema.validate(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
