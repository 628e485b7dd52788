package dev.enlace.platform.connectors;

import dev.enlace.events.DocumentKind;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DO6 for stores whose checkout carries the buyer's document choice in custom fields: labels and
 * answers are typed by shop owners and buyers, so they are compared without case, accents or punctuation.
 */
public final class CheckoutFields {
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}0-9]+");

    private CheckoutFields() {
    }

    /** {@code "Razón Social"} and {@code "razon_social"} both become {@code razon_social}. */
    public static String normalise(String s) {
        String plain = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return NOT_ALNUM.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_").replaceAll("^_|_$", "");
    }

    /** The answer of the document field: a factura, a nota de venta, else a receipt (boleta). */
    public static DocumentKind documentKind(String answer) {
        String v = normalise(answer);
        if (v.contains("factura") || v.contains("invoice")) {
            return DocumentKind.INVOICE;
        }
        if (v.contains("nota_de_venta")) {
            return DocumentKind.SALES_NOTE;
        }
        return DocumentKind.RECEIPT;
    }

    public static boolean sameLabel(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }
}
