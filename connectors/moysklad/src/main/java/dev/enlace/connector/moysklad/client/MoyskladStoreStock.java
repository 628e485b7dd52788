package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/**
 * A row of {@code /report/stock/bystore/current?stockType=freeStock}: the value's key follows
 * {@code stockType}. {@code storeId} is null for reserve not tied to a store.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladStoreStock(String assortmentId, String storeId, BigDecimal freeStock) {
}
