package dev.enlace.connector.bsale.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An office (sucursal, bsale.md §2): {@code isVirtual} and {@code state} are 0/1 flags (state 0 = active). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BsaleOffice(long id, String name, Integer isVirtual, Integer state) {
}
