package dev.enlace.platform.tenant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The tenants this service works for, read from {@code enlace.tenants.directory} at startup and rescanned
 * every {@code enlace.tenants.reload-interval}. A thin CDI shell around {@link TenantDirectory}, whose
 * Javadoc gives the rules; in short: a bad file never stops the others, a file that turns invalid keeps
 * serving its last good version while its problems are reported, a deleted file removes its tenant.
 *
 * <p>Changes found by a rescan are announced with a synchronous {@link TenantsChanged} CDI event (observers
 * should be quick). The startup load is not announced: a service reads {@link #all()} when it starts, and
 * the first call to this bean always finds the directory already loaded.
 *
 * <p>Each connector contributes its {@link ConnectionRequirements} beans; a tenant whose system has none in
 * this service is refused as unknown.
 *
 * <p>Metrics: {@code enlace.tenants.loaded} (active tenants), {@code enlace.tenants.problems} (files with
 * problems).
 */
@Startup // so that problems are logged at boot, not at first use
@ApplicationScoped
public class TenantRegistry {

    static final String DEFAULT_RELOAD_INTERVAL = "PT5S";

    private static final Logger LOG = Logger.getLogger(TenantRegistry.class);

    @Inject
    TenantsConfig config;
    @Inject
    Validator validator;
    @Inject
    Instance<ConnectionRequirements> requirements;
    @Inject
    Event<TenantsChanged> changes;
    @Inject
    MeterRegistry meters;

    private TenantDirectory directory;

    @PostConstruct
    void start() {
        List<ConnectionRequirements> known = requirements.stream().toList();
        directory = new TenantDirectory(config.directory(), new TenantLoader(validator, known, System::getenv));
        directory.rescan();
        LOG.infof("%d tenant(s) loaded from %s (%d file(s) with problems), rescanned every %s",
                directory.all().size(), config.directory().toAbsolutePath(), filesWithProblems().size(),
                config.reloadInterval());
        Gauge.builder("enlace.tenants.loaded", directory, d -> d.all().size())
                .description("Tenants active in this service").register(meters);
        Gauge.builder("enlace.tenants.problems", this, r -> r.filesWithProblems().size())
                .description("Tenant files with problems").register(meters);
    }

    // The expression repeats TenantsConfig's default: the scheduler reads the property, not the mapping.
    @Scheduled(identity = "enlace-tenants-rescan", every = "${enlace.tenants.reload-interval:"
            + DEFAULT_RELOAD_INTERVAL + "}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rescan() {
        TenantsChanged changed = directory.rescan();
        if (!changed.isEmpty()) {
            changes.fire(changed);
        }
    }

    public Optional<Tenant> find(String id) {
        return directory.find(id);
    }

    /** The active tenants, ordered by id. */
    public Collection<Tenant> all() {
        return directory.all();
    }

    /** Everything currently wrong in the tenant files (see {@link TenantDirectory#problems()}). */
    public List<TenantProblem> problems() {
        return directory.problems();
    }

    /** The names of the files with problems, sorted. */
    public List<String> filesWithProblems() {
        return directory.problems().stream().map(TenantProblem::file).distinct().sorted().toList();
    }
}
