package dev.enlace.platform.connectors;

import dev.enlace.platform.tenant.Connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CA7: the tenant's chosen ERP price list / price type reaches {@link ProductCatalog} as the connection
 * property {@value #PROPERTY}, so the SPI stays one call; absent, the connector reads its default list.
 */
public final class PriceListChoice {
    public static final String PROPERTY = "priceList";

    private PriceListChoice() {
    }

    /** The connection with the chosen list set; unchanged where there is no choice. */
    public static Connection apply(Connection connection, String priceList) {
        if (priceList == null || priceList.isBlank()) {
            return connection;
        }
        Map<String, String> properties = new LinkedHashMap<>(connection.properties());
        properties.put(PROPERTY, priceList);
        return new Connection(connection.system(), connection.baseUrl(), properties, connection.credentials());
    }
}
