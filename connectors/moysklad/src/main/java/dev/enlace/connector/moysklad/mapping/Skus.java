package dev.enlace.connector.moysklad.mapping;

import dev.enlace.platform.tenant.Connection;

/** Which field is the SKU: {@code article} unless the tenant's {@code skuField} says {@code code}. */
final class Skus {
    private Skus() {
    }

    static String of(Connection connection, String article, String code) {
        return "code".equals(connection.property("skuField").orElse("article")) ? code : article;
    }
}
