package dev.enlace.platform.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.ZoneId;
import java.util.Optional;

/**
 * One business that Enlace keeps in sync: its store, its ERP, optionally its CRM, and its settings. Read
 * from {@code <id>.yaml} by {@link TenantLoader}.
 *
 * @param id       lower-case letters, digits and hyphens: it is part of every Kafka key ({@code <tenant>/…})
 * @param name     for people; defaults to the id
 * @param timezone required: it decides the date printed on tax documents, which no default can guess
 * @param crm      absent when the tenant has no CRM
 * @param settings defaults to {@link TenantSettings#DEFAULTS}
 */
public record Tenant(
        @NotNull(message = "is required") @Pattern(regexp = Tenant.ID_PATTERN, message = "must be lower-case letters, digits and hyphens")
        String id,
        String name,
        @NotNull(message = "is required") ZoneId timezone,
        @NotNull(message = "is required") @Valid Connection store,
        @NotNull(message = "is required") @Valid Connection erp,
        @Valid Connection crm,
        @Valid TenantSettings settings) {

    static final String ID_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?";

    public Tenant {
        name = name == null || name.isBlank() ? id : name;
        settings = settings == null ? TenantSettings.DEFAULTS : settings;
    }

    /** The connection playing {@code role}; empty only for a CRM the tenant does not have. */
    public Optional<Connection> connection(Role role) {
        return Optional.ofNullable(switch (role) {
            case STORE -> store;
            case ERP -> erp;
            case CRM -> crm;
        });
    }
}
