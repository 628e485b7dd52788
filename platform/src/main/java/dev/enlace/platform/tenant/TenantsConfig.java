package dev.enlace.platform.tenant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** Where the tenant documents are and how often they are checked for changes. */
@ConfigMapping(prefix = "enlace.tenants")
public interface TenantsConfig {

    /**
     * The directory of tenant documents: a mounted ConfigMap in Kubernetes, {@code ./tenants} locally. The
     * default keeps every service bootable before it is configured; an absent directory is then reported.
     */
    @WithDefault("tenants")
    Path directory();

    /** How often the directory is scanned for added, changed and deleted documents. */
    @WithDefault(TenantRegistry.DEFAULT_RELOAD_INTERVAL)
    Duration reloadInterval();
}
