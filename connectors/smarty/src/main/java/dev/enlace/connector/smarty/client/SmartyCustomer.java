package dev.enlace.connector.smarty.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Smarty customer (§B.3): {@code dni} is the codice fiscale, {@code vat} the partita IVA. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmartyCustomer(Long id, @JsonProperty("business_name") String businessName, String name,
        @JsonProperty("last_name") String lastName, String dni, String vat, String phone, String mobile, String email,
        @JsonProperty("billing_address") Address billingAddress, String created,
        @JsonProperty("last_update") String lastUpdate) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String address, String address2, String city, String zipcode, String state,
            @JsonProperty("country_iso") String countryIso) {
    }
}
