package dev.enlace.platform.tenant;

import java.util.List;

// INTERIM: replaced by the tenancy branch before this lands.
public record TenantSettings(Stock stock) {
    public record Stock(Boolean enabled, List<String> offices, Boolean preSale, Boolean erpSalesToStore) {
    }
}
