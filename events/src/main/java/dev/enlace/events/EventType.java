package dev.enlace.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event of the public contract: its CloudEvents {@code type}, the topic it travels on and
 * the record that is its JSON data. The JSON Schemas and the AsyncAPI document are checked
 * against this list.
 */
public enum EventType {
    STOCK_CHANGED(StockChanged.TYPE, Topics.STOCK, StockChanged.class),
    PRODUCT_UPDATED(ProductUpdated.TYPE, Topics.CATALOG, ProductUpdated.class),
    PRODUCT_LINKED(ProductLinked.TYPE, Topics.CATALOG, ProductLinked.class),
    PRODUCT_UNLINKED(ProductUnlinked.TYPE, Topics.CATALOG, ProductUnlinked.class),
    ORDER_PAID(OrderPaid.TYPE, Topics.ORDERS, OrderPaid.class),
    ORDER_CANCELLED(OrderCancelled.TYPE, Topics.ORDERS, OrderCancelled.class),
    ORDER_SHIPPED(OrderShipped.TYPE, Topics.ORDERS, OrderShipped.class),
    ORDER_STATUS_CHANGED(OrderStatusChanged.TYPE, Topics.ORDERS, OrderStatusChanged.class),
    DOCUMENT_ISSUED(DocumentIssued.TYPE, Topics.DOCUMENTS, DocumentIssued.class),
    DOCUMENT_PENDING(DocumentPending.TYPE, Topics.DOCUMENTS, DocumentPending.class),
    CUSTOMER_SAVED(CustomerSaved.TYPE, Topics.CUSTOMERS, CustomerSaved.class);

    private final String type;
    private final String topic;
    private final Class<? extends Record> dataClass;

    EventType(String type, String topic, Class<? extends Record> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> dataClass() {
        return dataClass;
    }

    /** The schema file under {@code /schemas} in this jar, e.g. {@code enlace.stock.changed.v1.json}. */
    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<?> dataClass) {
        return Arrays.stream(values()).filter(t -> t.dataClass.equals(dataClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an Enlace event: " + dataClass.getName()));
    }
}
