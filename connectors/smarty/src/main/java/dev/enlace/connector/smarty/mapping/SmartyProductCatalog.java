package dev.enlace.connector.smarty.mapping;

import dev.enlace.connector.smarty.SmartyGuesses;
import dev.enlace.connector.smarty.client.SmartyClients;
import dev.enlace.connector.smarty.client.SmartyProduct;
import dev.enlace.events.Money;
import dev.enlace.events.ProductSnapshot;
import dev.enlace.platform.connectors.ProductCatalog;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Smarty as the master of the catalogue (CA3-CA6, the Framework360 plugin's "products Smarty → shop"): each product
 * as a full snapshot, with its variations as variants (ids as in {@link SmartyStock}). Smarty has no product status
 * in its API, so {@code status} is null; {@code category} is one comma-separated path, given top level first.
 */
@ApplicationScoped
public class SmartyProductCatalog implements ProductCatalog {
    /** {@code last_update_from}: ISO local time without zone (framework360-smarty.md §B.2). */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** ERP connection property: how much earlier than the last poll an incremental pull starts. */
    public static final String OVERLAP_PROPERTY = "changedSinceOverlap";
    private final SmartyClients clients;

    public SmartyProductCatalog(SmartyClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return SmartyClients.SYSTEM;
    }

    @Override
    public Multi<ProductSnapshot> products(Connection connection) {
        return SmartyVariants.products(clients, connection, null).map(SmartyProductCatalog::snapshot);
    }

    /**
     * CA5 polling: {@code Products/list?last_update_from=}, the local time in the tenant's zone, the connection's
     * {@value #OVERLAP_PROPERTY} (an ISO duration, default {@link SmartyGuesses#CHANGED_SINCE_OVERLAP}) early.
     */
    @Override
    public Multi<ProductSnapshot> productsChangedSince(Connection connection, ZonedDateTime since) {
        Duration overlap = connection.property(OVERLAP_PROPERTY).map(Duration::parse).orElse(SmartyGuesses.CHANGED_SINCE_OVERLAP);
        return SmartyVariants.products(clients, connection, lastUpdateFrom(since, overlap, Instant.now()))
                .map(SmartyProductCatalog::snapshot);
    }

    /**
     * Smarty filters by local time without a zone, to the second, inclusive: start {@code overlap} early, and where
     * clocks went back since then, from the start of the repeated hour (its changes carry local times earlier than
     * {@code since}'s).
     */
    static String lastUpdateFrom(ZonedDateTime since, Duration overlap, Instant now) {
        ZonedDateTime from = since.minus(overlap);
        LocalDateTime local = from.toLocalDateTime();
        ZoneOffsetTransition next = from.getZone().getRules().nextTransition(from.toInstant());
        if (next != null && next.isOverlap() && !next.getInstant().isAfter(now) && next.getDateTimeAfter().isBefore(local)) {
            local = next.getDateTimeAfter();
        }
        return local.truncatedTo(ChronoUnit.SECONDS).format(LOCAL_TIME);
    }

    /** No single-product read is documented: the list is scanned. */
    @Override
    public Uni<Optional<ProductSnapshot>> product(Connection connection, String productId) {
        return products(connection).filter(p -> p.productId().equals(productId)).toUni().map(Optional::ofNullable);
    }

    static ProductSnapshot snapshot(SmartyProduct p) {
        String id = String.valueOf(p.id());
        List<ProductSnapshot.VariantSnapshot> variants = p.variations() == null || p.variations().isEmpty()
                ? List.of(new ProductSnapshot.VariantSnapshot(id, p.sku(), p.ean(), money(p.price()), List.of()))
                : p.variations().stream().map(v -> new ProductSnapshot.VariantSnapshot(SmartyVariants.VARIATION_PREFIX + v.id(),
                        v.sku(), v.ean(), money(v.price() != null ? v.price() : p.price()),
                        v.detail() == null ? List.of() : v.detail().stream().map(SmartyProduct.Detail::value).toList())).toList();
        List<String> categories = p.category() == null ? List.of()
                : Arrays.stream(p.category().split(SmartyGuesses.CATEGORY_SEPARATOR)).map(String::trim).filter(c -> !c.isEmpty()).toList();
        return new ProductSnapshot(SmartyClients.SYSTEM, id, p.title(), p.description(), null, categories,
                p.images() == null ? List.of() : p.images(), variants);
    }

    private static Money money(String price) {
        return new Money(price == null || price.isBlank() ? BigDecimal.ZERO : new BigDecimal(price.trim()), SmartyGuesses.CURRENCY);
    }
}
