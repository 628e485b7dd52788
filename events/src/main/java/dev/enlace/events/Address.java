package dev.enlace.events;

public record Address(
        String name,
        String street,
        String city,
        String municipality,
        String region,
        String postalCode,
        String countryCode) {
}
