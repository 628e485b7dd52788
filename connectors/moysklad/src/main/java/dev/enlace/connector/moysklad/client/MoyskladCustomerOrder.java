package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** A customer order as read back: enough to find it again, see its state and its reserve. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladCustomerOrder(String id, MoyskladMeta meta, String name, String externalCode,
        MoyskladMeta.Ref state, MoyskladMeta.Ref store, Boolean applicable) {

    /** A position: {@code assortment} is a product without variants or a variant; quantities may be fractional. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Position(String id, MoyskladMeta meta, MoyskladMeta.Ref assortment, BigDecimal quantity,
            BigDecimal reserve, BigDecimal price) {

        public String assortmentId() {
            return assortment == null || assortment.meta() == null ? null : assortment.meta().id();
        }

        public boolean reserves() {
            return reserve != null && reserve.signum() > 0;
        }

        public boolean fullyReserved() {
            return reserve != null && quantity != null && reserve.compareTo(quantity) >= 0;
        }
    }

    /** {@code GET /entity/customerorder/metadata}: the states are user-defined, so they are mapped by id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(java.util.List<State> states) {
    }

    /** @param stateType Regular, Successful or Unsuccessful */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(String id, MoyskladMeta meta, String name, String stateType) {
    }

    /** A counterparty or organization: what an order refers to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String id, MoyskladMeta meta, String name, String email, String phone) {
    }
}
