package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Bsale product: the grouping of its variants (which hold the SKUs). State 0 is active, 1 inactive.
 * {@code variants} is embedded when asked for with {@code expand=[variants]}, otherwise only its href.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleProduct(long id, String name, String description, int state,
        @JsonProperty("product_type") BsaleRef productType, BsalePage<BsaleVariant> variants) {
}
