package dev.enlace.order.messaging;

import dev.enlace.platform.connectors.Connectors;
import dev.enlace.platform.connectors.StoreOrderHooks;
import dev.enlace.platform.tenant.Tenant;
import dev.enlace.platform.tenant.TenantRegistry;
import dev.enlace.platform.tenant.TenantsChanged;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * OP1/OP4: every tenant's store is subscribed to its order webhooks, at start and whenever a
 * tenant file is added or changed, when this service knows the URL stores reach it at
 * ({@code enlace.public-url}). Registration runs in the background: a store that is down is
 * logged and tried again at the next change or start.
 */
@ApplicationScoped
public class OrderHookRegistration {
    private static final Logger LOG = Logger.getLogger(OrderHookRegistration.class);

    private final TenantRegistry tenants;
    private final Connectors connectors;
    private final Optional<String> publicUrl;

    public OrderHookRegistration(TenantRegistry tenants, Connectors connectors,
            @ConfigProperty(name = "enlace.public-url") Optional<String> publicUrl) {
        this.tenants = tenants;
        this.connectors = connectors;
        this.publicUrl = publicUrl;
    }

    void onStart(@Observes StartupEvent ignored) {
        tenants.all().forEach(this::register);
    }

    void onChange(@Observes TenantsChanged changed) {
        changed.added().forEach(id -> tenants.find(id).ifPresent(this::register));
        changed.updated().forEach(id -> tenants.find(id).ifPresent(this::register));
    }

    private void register(Tenant tenant) {
        if (publicUrl.isEmpty() || !Boolean.TRUE.equals(tenant.settings().orders().enabled())) {
            return;
        }
        String system = tenant.store().system();
        String url = publicUrl.get().replaceAll("/+$", "") + "/webhooks/" + system + "/" + tenant.id();
        connectors.find(StoreOrderHooks.class, system).ifPresent(hooks -> hooks.ensureOrderHooks(tenant.store(), url)
                .subscribe().with(
                        added -> LOG.infof("order webhooks of %s's %s store: %d added, to %s", tenant.id(), system, added, url),
                        err -> LOG.warnf("order webhooks of %s's %s store not registered: %s", tenant.id(), system,
                                err.getMessage())));
    }
}
