package dev.enlace.platform.tenant;

/** The part an external system plays for a tenant; each has its own section in the tenant document. */
public enum Role {
    STORE, ERP, CRM;

    /** The name of the tenant document's section for this role: {@code store}, {@code erp}, {@code crm}. */
    public String section() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
