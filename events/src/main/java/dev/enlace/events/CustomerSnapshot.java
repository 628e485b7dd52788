package dev.enlace.events;

import java.util.List;

/** A customer (or ERP client) as one system holds it (CU1). */
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
}
