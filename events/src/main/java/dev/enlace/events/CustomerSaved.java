package dev.enlace.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A customer was created or updated in one system (CU1, CU2).
 *
 * @param customer the customer's full state after the change; its {@code customerId} is
 *                 always set here
 * @param savedAt  when the system saved the customer
 */
public record CustomerSaved(
        String tenant,
        CustomerSnapshot customer,
        OffsetDateTime savedAt) {

    public static final String TYPE = "enlace.customers.customer-saved.v1";

    public CustomerSaved {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(customer.customerId(), "customer.customerId");
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
