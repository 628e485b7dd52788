package dev.enlace.connector.moysklad.mapping;

import dev.enlace.connector.moysklad.client.MoyskladCatalogProduct;
import dev.enlace.events.Money;
import dev.enlace.platform.connectors.PriceListChoice;
import dev.enlace.platform.tenant.Connection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * CA7 for MoySklad: the tenant names one price type (by name or id) in {@code settings.catalog.priceList}, which
 * reaches the connector as the connection property {@value PriceListChoice#PROPERTY}; without a choice the default
 * type (the first of the account's list, moysklad.md §4.8) is meant. Prices are kopecks, the store's are roubles.
 */
final class PriceTypes {
    static final String CURRENCY = "RUB";
    static final BigDecimal KOPECKS = BigDecimal.valueOf(100);

    private PriceTypes() {
    }

    /** The tenant's choice; empty = the default type. */
    static Optional<String> choice(Connection connection) {
        return connection.property(PriceListChoice.PROPERTY).filter(c -> !c.isBlank());
    }

    static boolean matches(MoyskladCatalogProduct.Named type, String choice) {
        return type != null && (choice.equals(type.name()) || choice.equals(type.id()));
    }

    /**
     * The price of the chosen type among an item's {@code salePrices} (which list every type, the default first);
     * null when the item has none of that type.
     */
    static Money price(Connection connection, List<MoyskladCatalogProduct.SalePrice> prices) {
        if (prices == null || prices.isEmpty()) {
            return null;
        }
        Optional<String> choice = choice(connection);
        MoyskladCatalogProduct.SalePrice price = choice.isEmpty() ? prices.get(0)
                : prices.stream().filter(p -> matches(p.priceType(), choice.get())).findFirst().orElse(null);
        return price == null || price.value() == null ? null
                : new Money(BigDecimal.valueOf(price.value()).divide(KOPECKS, 2, java.math.RoundingMode.HALF_UP), CURRENCY);
    }
}
