package dev.enlace.connector.moysklad.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A product with the fields product sync writes and reads back (CA4, CA5, CA6): prices in kopecks,
 * the folder it is in ({@code pathName} = the folder path) and the size of its image list.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoyskladCatalogProduct(String id, MoyskladMeta meta, String name, String description, String article,
        String code, boolean archived, String pathName, MoyskladMeta.Ref productFolder, List<SalePrice> salePrices,
        Images images) {

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
