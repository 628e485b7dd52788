package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseClients;
import dev.enlace.connector.relbase.client.RelbaseDte;
import dev.enlace.platform.connectors.ErpSales;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * ST3 for relBase. A sale is a sales document (factura 33 / 34, boleta 39 / 41, nota de venta 1001: the
 * documents that discount stock, relbase.md §3) not labelled {@code "Pedido #<id>"}, the label of the
 * documents issued for store orders (by Enlace, {@link RelbaseDocuments}, and by relBase's own store
 * integration). Everything else that moves relBase stock (inventory adjustments, entries) is not a sale.
 * relBase has no webhooks and {@code /dtes} filters by day only, so the documents of the days since
 * {@code since} are listed and each new one is read once ({@code GET /dtes/{id}}) for its lines.
 */
@ApplicationScoped
public class RelbaseSales implements ErpSales {
    static final Set<Integer> SALE_TYPES = Set.of(RelbaseDocuments.FACTURA, RelbaseDocuments.FACTURA_EXENTA,
            RelbaseDocuments.BOLETA, 41, RelbaseDocuments.NOTA_DE_VENTA);

    private final RelbaseClients clients;

    public RelbaseSales(RelbaseClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return RelbaseClients.SYSTEM;
    }

    @Override
    public Multi<Sale> salesSince(Connection connection, OffsetDateTime since, Set<String> known) {
        LocalDate from = since.atZoneSameInstant(RelbaseDocuments.CHILE).toLocalDate();
        LocalDate to = RelbaseDocuments.today().plusDays(1);
        return clients.all(connection, "list documents", (api, page) -> api.dtes(null, from, to, null, page,
                        RelbaseClients.PAGE_SIZE))
                .filter(d -> isErpSale(d) && !known.contains(String.valueOf(d.id()))
                        && (d.createdAt() == null || !d.createdAt().isBefore(since)))
                .onItem().transformToUniAndConcatenate(d -> clients.call(connection, "read document", true,
                        api -> api.dte(String.valueOf(d.id()))))
                .map(one -> sale(one.data()));
    }

    static boolean isErpSale(RelbaseDte d) {
        return SALE_TYPES.contains(d.typeDocument())
                && (d.labelValue() == null || !d.labelValue().startsWith(RelbaseDocuments.label("")));
    }

    private static Sale sale(RelbaseDte d) {
        List<Line> lines = d.products() == null ? List.of() : d.products().stream()
                .filter(l -> l.quantity() != null && l.quantity().signum() > 0)
                .map(l -> new Line(String.valueOf(l.productId()), l.quantity()))
                .toList();
        return new Sale(String.valueOf(d.id()), d.createdAt(), lines);
    }
}
