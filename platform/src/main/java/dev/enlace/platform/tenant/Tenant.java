package dev.enlace.platform.tenant;

import java.time.ZoneId;

// INTERIM: replaced by the tenancy branch before this lands.
public record Tenant(String id, String name, ZoneId timezone, Connection store, Connection erp, Connection crm, TenantSettings settings) {
}
