package dev.enlace.events;

import java.util.List;
import java.util.Objects;

/**
 * A customer (or ERP client) as one system holds it (CU1).
 *
 * @param system     the system that holds the customer, e.g. {@code jumpseller}
 * @param customerId the customer's id in that system; null for a guest buyer of an order
 * @param taxId      RUT, NIF/CIF or the like, when known
 * @param activity   giro (line of business) of a company, when known
 */
public record CustomerSnapshot(
        String system,
        String customerId,
        String email,
        String phone,
        String firstName,
        String lastName,
        String taxId,
        String companyName,
        String activity,
        List<Address> addresses) {

    public CustomerSnapshot {
        Objects.requireNonNull(system, "system");
    }
}
