package dev.enlace.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * CA2: the two variants to link by hand.
 *
 * @param erp   the ERP variant; its product id may be left out
 * @param store the store variant; variantId left out for a store product without variants
 */
public record ManualLinkRequest(@NotNull @Valid ErpVariant erp, @NotNull @Valid StoreVariant store) {

    public record ErpVariant(String productId, @NotBlank String variantId) {
    }

    public record StoreVariant(@NotBlank String productId, String variantId) {
    }
}
