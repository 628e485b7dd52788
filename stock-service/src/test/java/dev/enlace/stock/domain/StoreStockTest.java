package dev.enlace.stock.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class StoreStockTest {

    @Test
    void fractionalErpStockIsRoundedDownInStore() { // ST5
        assertThat(StoreStock.fromErp(new BigDecimal("4.99"), false, false)).isEqualTo(new StoreStock(4, false));
        assertThat(StoreStock.fromErp(new BigDecimal("60.36"), false, true)).isEqualTo(new StoreStock(60, false));
    }

    @Test
    void wholeErpStockIsKept() {
        assertThat(StoreStock.fromErp(new BigDecimal("12.0"), false, false)).isEqualTo(new StoreStock(12, false));
    }

    @Test
    void negativeErpStockBecomesZeroInStore() { // ST6
        assertThat(StoreStock.fromErp(new BigDecimal("-3"), false, false)).isEqualTo(new StoreStock(0, false));
        assertThat(StoreStock.fromErp(new BigDecimal("-0.5"), true, false)).isEqualTo(new StoreStock(0, false));
    }

    @Test
    void stockBetweenZeroAndOneIsZero() { // ST5 with ST6: nothing whole to sell
        assertThat(StoreStock.fromErp(new BigDecimal("0.75"), false, false)).isEqualTo(new StoreStock(0, false));
    }

    @Test
    void sellWithoutStockAndPreSaleOnIsUnlimitedInStore() { // ST7
        assertThat(StoreStock.fromErp(new BigDecimal("-2"), true, true)).isEqualTo(StoreStock.UNLIMITED);
        assertThat(StoreStock.fromErp(null, true, true).unlimited()).isTrue();
    }

    @Test
    void sellWithoutStockAndPreSaleOffSellsOnlyWhatExists() { // ST7
        assertThat(StoreStock.fromErp(new BigDecimal("3"), true, false)).isEqualTo(new StoreStock(3, false));
        assertThat(StoreStock.fromErp(new BigDecimal("-1"), true, false)).isEqualTo(new StoreStock(0, false));
    }

    @Test
    void preSaleDoesNotMakeOrdinaryProductsUnlimited() { // ST7
        assertThat(StoreStock.fromErp(new BigDecimal("0"), false, true)).isEqualTo(new StoreStock(0, false));
    }

    @Test
    void untrackedStockWithoutPreSaleIsZero() {
        assertThat(StoreStock.fromErp(null, false, false)).isEqualTo(new StoreStock(0, false));
    }
}
