package dev.enlace.platform.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a shop owner chose for each flow (features.md). Every field has a default, so a section or field may
 * be left out; flows that write things a shop owner cannot take back are off until turned on.
 */
public record TenantSettings(@Valid Stock stock, @Valid Catalog catalog, @Valid Orders orders,
        @Valid Documents documents, @Valid Customers customers) {

    public static final TenantSettings DEFAULTS = new TenantSettings(null, null, null, null, null);

    public TenantSettings {
        stock = stock == null ? Stock.DEFAULTS : stock;
        catalog = catalog == null ? Catalog.DEFAULTS : catalog;
        orders = orders == null ? Orders.DEFAULTS : orders;
        documents = documents == null ? Documents.DEFAULTS : documents;
        customers = customers == null ? Customers.DEFAULTS : customers;
    }

    /**
     * Stock (ST*).
     *
     * @param enabled         the flow's switch (OP2); default on, the reason a shop connects its ERP
     * @param offices         ERP offices / warehouses whose stock counts (ST8); empty (default) = their sum
     * @param preSale         ERP "sell without stock" becomes unlimited stock in the store (ST7); default off,
     *                        so nothing is sold that is not in stock
     * @param erpSalesToStore ERP sales of linked products lower the store's stock (ST3); default off
     * @param pollInterval    how often an ERP without stock webhooks is polled (ST1); default 1 minute,
     *                        at least 10 seconds to stay within the ERPs' rate limits
     */
    public record Stock(Boolean enabled, List<@NotBlank String> offices, Boolean preSale, Boolean erpSalesToStore,
            @DurationMin(seconds = 10) Duration pollInterval) {

        public static final Stock DEFAULTS = new Stock(null, null, null, null, null);

        public Stock {
            enabled = enabled == null || enabled;
            offices = offices == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(offices));
            preSale = preSale != null && preSale;
            erpSalesToStore = erpSalesToStore != null && erpSalesToStore;
            pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        }
    }

    /** Which side owns the product data after the initial sync (CA4, CA5). */
    public enum Master { ERP, STORE }

    /**
     * Catalogue and links (CA*).
     *
     * @param enabled    the flow's switch (OP2); default on: stock and documents need the links it keeps
     * @param master     the product master (CA4, CA5); default the ERP, which is also the stock master (ST4)
     * @param syncImages copy images along with products (CA8); default on
     * @param priceList  the ERP price list / price type that feeds the store price (CA7); absent (default) =
     *                   the ERP's default list
     * @param pollInterval how often the master's products are read for changes where it sends no product
     *                   webhooks (CA5); default 5 minutes, at least 10 seconds to stay within the APIs' limits
     */
    public record Catalog(Boolean enabled, Master master, Boolean syncImages, String priceList,
            @DurationMin(seconds = 10) Duration pollInterval) {

        public static final Catalog DEFAULTS = new Catalog(null, null, null, null, null);

        public Catalog {
            enabled = enabled == null || enabled;
            master = master == null ? Master.ERP : master;
            syncImages = syncImages == null || syncImages;
            pollInterval = pollInterval == null ? Duration.ofMinutes(5) : pollInterval;
        }

        /** The settings before {@code pollInterval} existed. */
        public Catalog(Boolean enabled, Master master, Boolean syncImages, String priceList) {
            this(enabled, master, syncImages, priceList, null);
        }
    }

    /**
     * Orders (OR*).
     *
     * @param enabled       the flow's switch (OP2); default on: paid orders are what documents are issued for
     * @param statusMapping store order status to ERP order status (OR4); default none
     * @param cashOnDeliveryIsPaid an order the buyer pays on delivery counts as paid as soon as it is placed
     *                      (OR1); default on, so its document is issued before the parcel leaves
     * @param checkoutLabels the labels of the store's checkout custom fields that carry the DO6 choice
     */
    public record Orders(Boolean enabled, Map<String, @NotBlank String> statusMapping, Boolean cashOnDeliveryIsPaid,
            @Valid CheckoutLabels checkoutLabels) {

        public static final Orders DEFAULTS = new Orders(null, null, null, null);

        public Orders {
            enabled = enabled == null || enabled;
            cashOnDeliveryIsPaid = cashOnDeliveryIsPaid == null || cashOnDeliveryIsPaid;
            checkoutLabels = checkoutLabels == null ? CheckoutLabels.DEFAULTS : checkoutLabels;
            statusMapping = statusMapping == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(statusMapping));
        }
    }

    /**
     * DO6: labels of the checkout custom fields where a buyer asks for a document and gives the company's
     * data, for stores without native fields. Defaults are the de-facto Chilean convention.
     *
     * @param documentKind default {@code Documento} (answers {@code Boleta} / {@code Factura})
     * @param companyName  default {@code Razón Social}
     * @param activity     default {@code Giro}
     */
    public record CheckoutLabels(String documentKind, String companyName, String activity) {

        public static final CheckoutLabels DEFAULTS = new CheckoutLabels(null, null, null);

        public CheckoutLabels {
            documentKind = documentKind == null || documentKind.isBlank() ? "Documento" : documentKind;
            companyName = companyName == null || companyName.isBlank() ? "Razón Social" : companyName;
            activity = activity == null || activity.isBlank() ? "Giro" : activity;
        }
    }

    /** Whether documents are issued as soon as an order is paid, or when someone picks the type (DO1). */
    public enum DocumentMode { AUTOMATIC, MANUAL }

    /**
     * Tax documents (DO*, settings of DO2). Type, payment and office values are the ERP's own ids.
     *
     * @param enabled the flow's switch (OP2); default off: an issued tax document cannot be taken back, so
     *                the shop owner turns it on once the types below are chosen
     * @param mode    default automatic
     */
    public record Documents(Boolean enabled, DocumentMode mode, String receiptType, String invoiceType,
            String creditNoteType, String dispatchGuideType, String paymentType, String office) {

        public static final Documents DEFAULTS = new Documents(null, null, null, null, null, null, null, null);

        public Documents {
            enabled = enabled != null && enabled;
            mode = mode == null ? DocumentMode.AUTOMATIC : mode;
        }
    }

    /**
     * Customers and CRM (CU*).
     *
     * @param enabled          the flow's switch (OP2); default off: it creates clients in the ERP
     * @param crmContactsToErp CRM contacts become ERP clients (CU2); default off
     */
    public record Customers(Boolean enabled, Boolean crmContactsToErp) {

        public static final Customers DEFAULTS = new Customers(null, null);

        public Customers {
            enabled = enabled != null && enabled;
            crmContactsToErp = crmContactsToErp != null && crmContactsToErp;
        }
    }
}
