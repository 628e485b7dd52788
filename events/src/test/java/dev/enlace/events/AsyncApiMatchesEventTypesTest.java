package dev.enlace.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AsyncAPI document shipped in this jar describes exactly the events of {@link EventType}:
 * the same types, on the same topics, with the schemas the records generate.
 */
class AsyncApiMatchesEventTypesTest {

    private static JsonNode document;
    private static List<ChannelMessage> channelMessages;

    /** A message as a consumer meets it: on a channel, i.e. a topic. */
    private record ChannelMessage(String channelId, String address, String messageId, JsonNode message) {
    }

    @BeforeAll
    static void readDocument() throws IOException {
        try (InputStream yaml = AsyncApiMatchesEventTypesTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(yaml).as("asyncapi.yaml in the jar").isNotNull();
            document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
        channelMessages = new ArrayList<>();
        document.path("channels").properties().forEach(channel ->
                channel.getValue().path("messages").properties().forEach(message -> channelMessages.add(
                        new ChannelMessage(channel.getKey(), channel.getValue().path("address").asText(),
                                message.getKey(), resolve(message.getValue())))));
    }

    @Test
    void documentIsAsyncApi3() {
        assertThat(document.path("asyncapi").asText()).startsWith("3.");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasExactlyOneMessageNamedAfterItsType(EventType eventType) {
        assertThat(messagesOf(eventType)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void messageTravelsOnTheChannelWhoseAddressIsTheTopic(EventType eventType) {
        assertThat(messagesOf(eventType)).extracting(ChannelMessage::address).containsOnly(eventType.topic());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadRefersToTheSchemaResourceOfTheType(EventType eventType) {
        for (ChannelMessage m : messagesOf(eventType)) {
            String ref = m.message().path("payload").path("$ref").asText();
            // relative to asyncapi.yaml, which sits at the root of the jar beside schemas/
            assertThat(ref).isEqualTo("." + eventType.schemaResource());
            assertThat(EventType.class.getResource(eventType.schemaResource())).as(ref).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void headersPinCeTypeToTheType(EventType eventType) {
        for (ChannelMessage m : messagesOf(eventType)) {
            assertThat(m.message().path("headers").findValues("ce_type"))
                    .extracting(ceType -> ceType.path("const").asText())
                    .contains(eventType.type());
        }
    }

    @Test
    void noMessageExistsWithoutAnEventType() {
        assertThat(document.path("components").path("messages").properties())
                .extracting(message -> message.getValue().path("name").asText())
                .allMatch(name -> EventType.ofType(name).isPresent());
        assertThat(channelMessages).extracting(m -> m.message().path("name").asText())
                .allMatch(name -> EventType.ofType(name).isPresent());
    }

    @Test
    void noChannelExistsWithoutAnEventTypeOnItsTopic() {
        List<String> topics = Arrays.stream(EventType.values()).map(EventType::topic).distinct().toList();

        assertThat(document.path("channels").properties())
                .extracting(channel -> channel.getValue().path("address").asText())
                .containsExactlyInAnyOrderElementsOf(topics);
    }

    @Test
    void everyChannelIsReadByOneReceiveOperationListingAllItsMessages() {
        document.path("channels").properties().forEach(channel -> {
            List<JsonNode> operations = operationsOn(channel);
            assertThat(operations).as("operations on %s", channel.getKey()).hasSize(1);
            JsonNode operation = operations.get(0);
            // the document speaks for a consumer: Enlace sends, the reader receives
            assertThat(operation.path("action").asText()).isEqualTo("receive");
            List<String> listed = new ArrayList<>();
            operation.path("messages").forEach(ref -> listed.add(ref.path("$ref").asText()));
            List<String> onChannel = new ArrayList<>();
            channel.getValue().path("messages").fieldNames().forEachRemaining(id ->
                    onChannel.add("#/channels/" + channel.getKey() + "/messages/" + id));
            assertThat(listed).containsExactlyInAnyOrderElementsOf(onChannel);
        });
    }

    private static List<ChannelMessage> messagesOf(EventType eventType) {
        return channelMessages.stream()
                .filter(m -> m.message().path("name").asText().equals(eventType.type())).toList();
    }

    private static List<JsonNode> operationsOn(Map.Entry<String, JsonNode> channel) {
        String ref = "#/channels/" + channel.getKey();
        List<JsonNode> operations = new ArrayList<>();
        document.path("operations").forEach(operation -> {
            if (operation.path("channel").path("$ref").asText().equals(ref)) {
                operations.add(operation);
            }
        });
        return operations;
    }

    /** Follows a local {@code $ref} such as {@code #/components/messages/stockChanged}. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document.at(ref.substring(1));
        assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
        return resolve(target);
    }
}
