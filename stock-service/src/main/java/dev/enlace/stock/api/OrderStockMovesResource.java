package dev.enlace.stock.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enlace.platform.api.ApiException;
import dev.enlace.platform.connectors.StockMove;
import dev.enlace.platform.tenant.TenantRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** ST2: what Enlace did to the ERP's stock for a store order. */
@Path("/tenants/{tenant}/orders/{order}/stock-moves")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock")
public class OrderStockMovesResource {
    private static final TypeReference<List<StockMove.Line>> LINES = new TypeReference<>() { };
    private final TenantRegistry tenants;
    private final Pool pool;
    private final ObjectMapper mapper;

    /**
     * @param direction OUT (the sale) or IN (its cancellation)
     * @param state     READY, SENDING, DONE, FAILED, CANCELLED, BY_DOCUMENT (the sale document moves the stock),
     *                  NOTHING_LINKED (no line was linked at payment), or WAITING_LINK (a line waiting for its link)
     * @param erpMoveId the ERP's id of the move (Bsale: the consumption or reception; MoySklad: the customer order)
     * @param part      "" for the lines linked at payment; a SKU for a line moved once its link appeared
     */
    public record StockMoveView(String direction, String state, String erpSystem, String office, String erpMoveId,
            List<StockMove.Line> lines, String unlinkedSkus, int attempts, String lastError, OffsetDateTime updatedAt,
            String part) {
    }

    public OrderStockMovesResource(TenantRegistry tenants, Pool pool, ObjectMapper mapper) {
        this.tenants = tenants;
        this.pool = pool;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "The ERP stock moves of a store order: consumption, reception, or none because its document"
            + " moves the stock; lines waiting for their link, or cancelled before it appeared (ST2)")
    public Uni<List<StockMoveView>> moves(@PathParam("tenant") String tenant, @PathParam("order") String order) {
        tenants.find(tenant).orElseThrow(() -> ApiException.notFound("unknown tenant '" + tenant + "'"));
        return pool.preparedQuery("SELECT direction, state, erp_system, office, erp_move_id, lines_json, unlinked_skus,"
                        + " attempts, last_error, updated_at, part FROM erp_stock_move WHERE tenant = $1 AND order_id = $2"
                        + " UNION ALL SELECT 'OUT', CASE state WHEN 'WAITING' THEN 'WAITING_LINK' ELSE state END, erp_system,"
                        + " office, NULL, json_build_array(json_build_object('sku', sku, 'quantity', quantity,"
                        + " 'unitPrice', unit_price))::text, NULL, 0, NULL, updated_at, sku FROM erp_stock_move_pending"
                        + " WHERE tenant = $1 AND order_id = $2 AND state <> 'MOVED'"
                        + " ORDER BY direction DESC, part")
                .execute(Tuple.of(tenant, order))
                .map(rows -> {
                    List<StockMoveView> views = new ArrayList<>();
                    for (Row r : rows) {
                        views.add(new StockMoveView(r.getString("direction"), r.getString("state"),
                                r.getString("erp_system"), r.getString("office"), r.getString("erp_move_id"),
                                lines(r.getString("lines_json")), r.getString("unlinked_skus"), r.getInteger("attempts"),
                                r.getString("last_error"), r.getOffsetDateTime("updated_at"), r.getString("part")));
                    }
                    return views;
                });
    }

    private List<StockMove.Line> lines(String json) {
        try {
            return mapper.readValue(json, LINES);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable stored stock move", e);
        }
    }
}
