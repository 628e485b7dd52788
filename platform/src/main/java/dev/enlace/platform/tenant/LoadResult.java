package dev.enlace.platform.tenant;

import java.util.List;

/** What {@link TenantLoader} made of one file: a tenant, or the reasons there is none. */
public sealed interface LoadResult {

    record Loaded(Tenant tenant) implements LoadResult {
    }

    record Failed(List<TenantProblem> problems) implements LoadResult {
        public Failed {
            problems = List.copyOf(problems);
        }
    }
}
