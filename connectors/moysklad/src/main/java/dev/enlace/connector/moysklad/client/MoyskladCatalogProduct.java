package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * A product with the fields product sync writes and reads back (CA4, CA5, CA6): prices in kopecks,
 * the folder it is in ({@code pathName} = the folder path) and the size of its image list.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladCatalogProduct(String id, MoyskladMeta meta, String name, String description, String article,
        String code, boolean archived, String pathName, MoyskladMeta.Ref productFolder, List<SalePrice> salePrices,
        Images images, int variantsCount, List<Map<String, String>> barcodes) {

    /** The first barcode, whatever its kind ({@code ean13}, {@code ean8}, {@code code128}, {@code gtin}, {@code upc}). */
    public static String firstBarcode(List<Map<String, String>> barcodes) {
        return barcodes == null ? null : barcodes.stream().flatMap(b -> b.values().stream()).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SalePrice(Double value, Named priceType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Images(Count meta) {
        public int size() {
            return meta == null || meta.size() == null ? 0 : meta.size();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(Integer size) {
    }

    /** A folder, price type or image: a reference with a name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Named(String id, MoyskladMeta meta, String name, String filename) {
    }
}
