package dev.enlace.events;

import java.time.OffsetDateTime;

/** CU1, CU2: a customer was created or updated in one system. */
public record CustomerSaved(
        String tenant,
        CustomerSnapshot customer,
        OffsetDateTime savedAt) {

    public static final String TYPE = "enlace.customers.customer-saved.v1";
}
