package dev.enlace.platform.connectors;

/**
 * Something a connector can do for one external system. Services ask {@link Connectors} for
 * the capability they need by the tenant's system name, so every flow works for every
 * system that offers the capability.
 */
public interface Capability {
    /** The system's name, as in tenant files ({@code bsale}, {@code jumpseller}). */
    String system();
}
