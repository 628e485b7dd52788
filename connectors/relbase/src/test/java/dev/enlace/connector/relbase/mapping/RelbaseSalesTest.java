package dev.enlace.connector.relbase.mapping;

import dev.enlace.connector.relbase.client.RelbaseDte;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ST3: which relBase documents are sales made in relBase itself. */
class RelbaseSalesTest {

    private static RelbaseDte dte(int type, String label) {
        return new RelbaseDte(1, 1, type, null, label, null, null, null, null, null, null, null, null);
    }

    @Test
    void boletaFacturaAndNotaDeVentaAtTheCounterAreErpSales() {
        assertThat(RelbaseSales.isErpSale(dte(39, null))).isTrue();
        assertThat(RelbaseSales.isErpSale(dte(33, "Venta mesón"))).isTrue();
        assertThat(RelbaseSales.isErpSale(dte(1001, ""))).isTrue();
    }

    @Test
    void documentsOfStoreOrdersAreNotErpSales() {
        assertThat(RelbaseSales.isErpSale(dte(39, RelbaseDocuments.label("1042")))).isFalse();
    }

    @Test
    void creditNotesAndGuiasAreNotSales() {
        assertThat(RelbaseSales.isErpSale(dte(61, null))).isFalse();
        assertThat(RelbaseSales.isErpSale(dte(52, null))).isFalse();
    }
}
