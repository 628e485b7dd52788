package dev.enlace.platform.tenant;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * CDI event: tenants that appeared, changed or disappeared since the last scan of the tenant directory, by
 * id. {@code updated} lists only tenants whose content changed, not every file that was touched.
 */
public record TenantsChanged(Set<String> added, Set<String> updated, Set<String> removed) {

    public TenantsChanged {
        added = sorted(added);
        updated = sorted(updated);
        removed = sorted(removed);
    }

    private static Set<String> sorted(Collection<String> ids) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }

    public boolean isEmpty() {
        return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
    }
}
