package dev.enlace.connector.relbase.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /productos/{id}/stock_por_bodegas}: one row per warehouse. Stock may be fractional or negative. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelbaseStocks(List<Row> stocks) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(@JsonProperty("ware_house_id") long wareHouseId, @JsonProperty("current_stock") BigDecimal currentStock) {
    }
}
