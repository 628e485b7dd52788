package dev.enlace.connector.bsale.mapping;

import dev.enlace.connector.bsale.client.BsaleClients;
import dev.enlace.connector.bsale.client.BsaleOffice;
import dev.enlace.connector.bsale.client.BsaleStockMove;
import dev.enlace.platform.connectors.ErpStockMoves;
import dev.enlace.platform.connectors.StockMove;
import dev.enlace.platform.tenant.Connection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ST2 for Bsale: a sale is a stock consumption ({@code POST /v1/stocks/consumptions.json}), its
 * cancellation a stock reception ({@code POST /v1/stocks/receptions.json}, document "Otro" numbered with
 * the order id), each with the order's marker as its {@code note}. Bsale deduplicates neither, so a
 * move sent before is looked up first: consumptions by office and day (Bsale stamps them with the day's
 * midnight in Chile), receptions by office and document number, then by note.
 */
@ApplicationScoped
public class BsaleStockMoves implements ErpStockMoves {
    static final ZoneId CHILE = ZoneId.of("America/Santiago");
    /** A lookup never searches more days back than this, however old the first try. */
    static final int MAX_LOOKUP_DAYS = 7;

    private final BsaleClients clients;

    public BsaleStockMoves(BsaleClients clients) {
        this.clients = clients;
    }

    @Override
    public String system() {
        return BsaleClients.SYSTEM;
    }

    @Override
    public Uni<String> record(Connection connection, StockMove move) {
        return office(connection, move).chain(office -> {
            Map<String, Object> body = new LinkedHashMap<>();
            if (move.direction() == StockMove.Direction.IN) {
                body.put("document", "Otro");
                body.put("documentNumber", move.orderId());
            }
            body.put("officeId", Long.parseLong(office));
            body.put("note", move.marker());
            body.put("details", move.lines().stream()
                    .map(l -> Map.<String, Object>of("variantId", Long.parseLong(l.variantId()), "quantity", l.quantity()))
                    .toList());
            return move.direction() == StockMove.Direction.OUT
                    ? clients.call(connection, "record stock consumption", false, api -> api.createConsumption(body))
                    : clients.call(connection, "record stock reception", false, api -> api.createReception(body));
        }).map(created -> String.valueOf(created.id()));
    }

    @Override
    public Uni<Optional<String>> find(Connection connection, StockMove move) {
        return office(connection, move).chain(office -> {
            Multi<BsaleStockMove> candidates = move.direction() == StockMove.Direction.IN
                    ? clients.all(connection, "find stock reception",
                            (api, offset) -> api.receptions(office, move.orderId(), BsaleClients.PAGE_SIZE, offset))
                    : Multi.createFrom().iterable(lookupDays(move.firstSent()))
                            .onItem().transformToMultiAndConcatenate(day -> clients.all(connection, "find stock consumption",
                                    (api, offset) -> api.consumptions(office, day, BsaleClients.PAGE_SIZE, offset)));
            return candidates.filter(m -> move.marker().equals(m.note()))
                    .map(m -> String.valueOf(m.id()))
                    .toUni().map(Optional::ofNullable);
        });
    }

    /** The tenant's office, or the first active physical office, which is where Bsale puts a move that names none. */
    private Uni<String> office(Connection connection, StockMove move) {
        if (move.office() != null) {
            return Uni.createFrom().item(move.office());
        }
        return clients.all(connection, "list offices", (api, offset) -> api.offices(0, BsaleClients.PAGE_SIZE, offset))
                .filter(o -> o.isVirtual() == null || o.isVirtual() == 0)
                .map(BsaleOffice::id)
                .toUni()
                .onItem().ifNull().failWith(() -> new IllegalStateException("the Bsale company has no active office"))
                .map(String::valueOf);
    }

    /** Chilean days from the first try to today, as Bsale's consumption dates (midnight in Chile, Unix seconds). */
    static List<Long> lookupDays(OffsetDateTime firstSent) {
        LocalDate today = LocalDate.now(CHILE);
        LocalDate from = firstSent == null ? today : firstSent.atZoneSameInstant(CHILE).toLocalDate();
        if (from.isBefore(today.minusDays(MAX_LOOKUP_DAYS))) {
            from = today.minusDays(MAX_LOOKUP_DAYS);
        }
        return from.datesUntil(today.plusDays(1)).map(d -> d.atStartOfDay(CHILE).toEpochSecond()).toList();
    }
}
