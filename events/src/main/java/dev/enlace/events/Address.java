package dev.enlace.events;

/**
 * A postal address as the store or ERP holds it; any part may be null when the system has
 * none (not every country has a municipality or a postal code).
 *
 * @param name        who the address is for, e.g. the recipient of a shipment
 * @param countryCode ISO 3166-1 alpha-2 code, e.g. {@code CL}
 */
public record Address(
        String name,
        String street,
        String city,
        String municipality,
        String region,
        String postalCode,
        String countryCode) {
}
