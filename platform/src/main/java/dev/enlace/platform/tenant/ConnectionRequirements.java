package dev.enlace.platform.tenant;

import java.util.Set;

/**
 * What a connector needs in a tenant's connection to one system, for one role. Each connector module
 * provides one CDI bean per role it can play; the tenant loader refuses a connection whose system has no
 * requirements for that role, or that lacks a required credential or property.
 */
public interface ConnectionRequirements {

    /** The value of {@code system} in the tenant document, e.g. {@code bsale}. */
    String system();

    Role role();

    /** Names that must appear under {@code credentials}. */
    Set<String> requiredCredentials();

    /** Names that must appear under {@code properties}. */
    Set<String> requiredProperties();
}
