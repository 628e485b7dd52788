package dev.enlace.connector.bsale.mapping;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** ST2: the days a lookup of a consumption searches (Bsale stamps consumptions with the day's midnight in Chile). */
class BsaleStockMovesTest {

    @Test
    void aMoveFirstSentTodayIsLookedUpOnTodayOnly() {
        long midnight = LocalDate.now(BsaleStockMoves.CHILE).atStartOfDay(BsaleStockMoves.CHILE).toEpochSecond();
        assertThat(BsaleStockMoves.lookupDays(OffsetDateTime.now())).containsExactly(midnight);
    }

    @Test
    void aMoveFirstSentYesterdayIsLookedUpOnBothDays() {
        assertThat(BsaleStockMoves.lookupDays(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))).hasSize(2);
    }

    @Test
    void anOldMoveIsLookedUpOverTheLastWeekAtMost() {
        assertThat(BsaleStockMoves.lookupDays(OffsetDateTime.now(ZoneOffset.UTC).minusDays(40)))
                .hasSize(BsaleStockMoves.MAX_LOOKUP_DAYS + 1);
    }
}
