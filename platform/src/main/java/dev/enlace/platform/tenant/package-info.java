/**
 * Tenant configuration: one YAML document per tenant ({@code <id>.yaml}) in {@code enlace.tenants.directory},
 * declaring its store, ERP and optional CRM {@link dev.enlace.platform.tenant.Connection}s and its
 * {@link dev.enlace.platform.tenant.TenantSettings}. Secrets are referenced ({@code env:NAME},
 * {@code file:PATH}), never written in the document.
 *
 * <p>Services use {@link dev.enlace.platform.tenant.TenantRegistry} and observe
 * {@link dev.enlace.platform.tenant.TenantsChanged}; connectors provide
 * {@link dev.enlace.platform.tenant.ConnectionRequirements} beans. {@link dev.enlace.platform.tenant.TenantLoader}
 * and {@link dev.enlace.platform.tenant.TenantDirectory} hold the rules, without CDI. An example document is
 * {@code platform/src/test/resources/tenants/demo.yaml}.
 */
package dev.enlace.platform.tenant;
