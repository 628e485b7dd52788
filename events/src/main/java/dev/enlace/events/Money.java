package dev.enlace.events;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount in an ISO 4217 currency; never a binary floating point number.
 *
 * @param amount   the amount, as a JSON number with its exact decimal digits
 * @param currency ISO 4217 code, e.g. {@code CLP}
 */
public record Money(BigDecimal amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
