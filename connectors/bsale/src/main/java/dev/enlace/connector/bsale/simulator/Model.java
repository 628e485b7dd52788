package dev.enlace.connector.bsale.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one simulated Bsale account. Mutable on purpose and guarded by the owning
 * {@link Company}'s monitor; nothing here is shared across companies.
 */
final class Model {
    private Model() {
    }

    static final class Office {
        long id;
        String name;
        String description = "";
        String address = "";
        String municipality = "";
        String city = "";
        String country = "Chile";
        String zipCode = "";
        String costCenter = "";
        int isVirtual;
        int state;
        PriceList defaultPriceList;
    }

    static final class Product {
        long id;
        String name;
        String description = "";
        int classification;
        int allowDecimal;
        int stockControl = 1;
        int printDetailPack;
        int state;
        long productTypeId = 1;
        final List<Variant> variants = new ArrayList<>();
    }

    static final class Variant {
        long id;
        Product product;
        String description = "";
        String code = "";
        String barCode = "";
        int unlimitedStock;
        int allowNegativeStock;
        int serialNumber;
        int state;
        double averageCost;
        double costedQuantity;

        /** Stock moves only for stock-controlled products; unlimited variants never run out. */
        boolean tracksStock() {
            return product.stockControl == 1;
        }

        boolean mayGoNegative() {
            return unlimitedStock == 1 || allowNegativeStock == 1;
        }
    }

    static final class Stock {
        long id;
        Variant variant;
        Office office;
        double quantity;
        double reserved;

        double available() {
            return quantity - reserved;
        }
    }

    static final class DocumentType {
        long id;
        String name;
        String codeSii;
        int isElectronicDocument = 1;
        int breakdownTax = 1;
        int use;
        int isSalesNote;
        int isExempt;
        int useClient;
        int isCreditNote;
        int state;
        /** Last folio issued and the last folio of the uploaded CAF range. */
        long lastNumber;
        long cafLast = 100_000;
    }

    static final class PaymentType {
        long id;
        String name;
        int isVirtual;
        int isCheck;
        int isCreditNote;
        int isClientCredit;
        int isCash;
        int state;
    }

    static final class Tax {
        long id;
        String name;
        String percentage;
        String code;
        int forAllProducts;
        int state;
    }

    static final class PriceList {
        long id;
        String name;
        String description = "";
        int state;
        long coinId = 1;
        final Map<Long, PriceDetail> byVariant = new LinkedHashMap<>();
    }

    static final class PriceDetail {
        long id;
        PriceList list;
        Variant variant;
        double variantValue;
    }

    static final class Client {
        long id;
        String firstName = "";
        String lastName = "";
        String email = "";
        String phone = "";
        String code = "";
        String company = "";
        String activity = "";
        String address = "";
        String city = "";
        String municipality = "";
        int companyOrPerson;
        int hasCredit;
        double maxCredit;
        int sendDte;
        int isForeigner;
        int state;
    }

    static final class Document {
        long id;
        DocumentType type;
        long number;
        long emissionDate;
        long expirationDate;
        long generationDate;
        double totalAmount;
        double netAmount;
        double taxAmount;
        double exemptAmount;
        String token;
        int state;
        int informedSii;
        String responseMsgSii;
        Client client;
        Office office;
        String salesId;
        final List<DocumentDetail> details = new ArrayList<>();
        final List<Reference> references = new ArrayList<>();
        final List<Payment> payments = new ArrayList<>();
    }

    static final class DocumentDetail {
        long id;
        Document document;
        int lineNumber;
        /** Null on a free-text line (shipping, services without SKU). */
        Variant variant;
        String comment = "";
        double quantity;
        double netUnitValue;
        double totalUnitValue;
        double discount;
        double netAmount;
        double taxAmount;
        double totalAmount;
        double netDiscount;
        double totalDiscount;
        double taxRate;
        /** Units already credited by returns, and units still reserved waiting for a guía. */
        double returned;
        double pendingDispatch;
    }

    record Reference(long id, String number, long referenceDate, String reason, String codeSii) {
    }

    record Payment(long id, PaymentType type, double amount, long recordDate) {
    }

    static final class Return {
        long id;
        long code;
        long returnDate;
        String motive = "";
        int type;
        int priceAdjustment;
        int editTexts;
        double amount;
        Office office;
        Document reference;
        Document creditNote;
        final List<ReturnDetail> details = new ArrayList<>();
    }

    static final class ReturnDetail {
        long id;
        DocumentDetail original;
        double quantity;
        double quantityDevStock;
        double variantStock;
        double variantCost;
    }

    static final class Shipping {
        long id;
        long shippingDate;
        String address = "";
        String municipality = "";
        String city = "";
        String recipient = "";
        int state;
        Office office;
        Office destination;
        long shippingTypeId;
        Document guide;
        final List<ShippingDetail> details = new ArrayList<>();
    }

    static final class ShippingDetail {
        long id;
        Variant variant;
        DocumentDetail from;
        double quantity;
        /** Units of the sale line's reservation this guía delivered; a void puts them back. */
        double released;
        double variantStock;
    }

    /** A stock reception or consumption, the two ways the API moves stock by hand. */
    static final class StockMove {
        long id;
        long date;
        String document;
        String documentNumber;
        String note = "";
        Office office;
        Long consumptionTypeId;
        final List<MoveDetail> details = new ArrayList<>();
    }

    static final class MoveDetail {
        long id;
        Variant variant;
        double quantity;
        double cost;
        double variantStock;
        String serialNumber;
    }

    record ConsumptionType(long cntId, String cntI18nName, int cntActive, String cntCode) {
    }

    record ShippingType(long id, String name, String codeSii, int state) {
    }
}
