package dev.enlace.platform.tenant;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The tenants declared in one directory, one document per tenant ({@code <id>.yaml} or {@code <id>.yml};
 * other files, sub-directories and hidden entries such as Kubernetes' {@code ..data} are ignored). Plain
 * Java, driven by {@link #rescan()}; {@link TenantRegistry} calls it at startup and periodically.
 *
 * <p>What a scan does, and why:
 * <ul>
 * <li>A file is read again when its modification time or size changed. A tenant is announced as updated
 * only if its content differs, so a Kubernetes ConfigMap update, which replaces every file, announces only
 * the tenants that really changed.</li>
 * <li>A file that is invalid is reported (in {@link #problems()}, and logged once per change) and does not
 * affect the other tenants.</li>
 * <li>A tenant whose file becomes invalid <em>keeps its last good version</em>: a typo in a settings change
 * must not stop a shop's stock and orders, which is what its owner would see; the problem stays reported
 * until the file is fixed, and the fix is then announced as an update.</li>
 * <li>A file with problems is read again at every scan, so a secret that shows up later (a Secret mounted
 * after the ConfigMap) brings the tenant in without editing its document.</li>
 * <li>A deleted file removes its tenant: deleting is deliberate.</li>
 * <li>If the directory itself cannot be listed (unmounted, wrong path), nothing changes: that is more likely
 * an outage of the volume than the removal of every tenant.</li>
 * <li>If both {@code x.yaml} and {@code x.yml} exist, {@code x.yaml} is used and {@code x.yml} reported.</li>
 * </ul>
 * Thread-safe: scans are serialized; readers see a consistent snapshot without locking.
 */
public final class TenantDirectory {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    private final Path directory;
    private final TenantLoader loader;
    /** By tenant id; only touched by {@link #rescan()}, which is synchronized. */
    private final Map<String, Entry> entries = new HashMap<>();
    private List<TenantProblem> scanProblems = List.of();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

    public TenantDirectory(Path directory, TenantLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(snapshot.tenants().get(id));
    }

    /** The active tenants, ordered by id. */
    public Collection<Tenant> all() {
        return snapshot.tenants().values();
    }

    /** Everything currently wrong, by file; a listed file may still serve its last good version. */
    public List<TenantProblem> problems() {
        return snapshot.problems();
    }

    /** Reads what changed in the directory since the last scan; returns what that changed in the tenants. */
    public synchronized TenantsChanged rescan() {
        Map<String, TenantFile> files;
        List<TenantProblem> problemsOfScan = new ArrayList<>();
        try {
            files = list(problemsOfScan);
        } catch (IOException e) {
            problemsOfScan.add(new TenantProblem(directory.toString(), null, "cannot be listed ("
                    + e.getClass().getSimpleName() + "); the tenants loaded before stay active"));
            publish(problemsOfScan);
            return new TenantsChanged(Set.of(), Set.of(), Set.of());
        }
        Set<String> added = new HashSet<>();
        Set<String> updated = new HashSet<>();
        files.forEach((id, file) -> {
            Entry entry = entries.computeIfAbsent(id, any -> new Entry());
            if (!file.equals(entry.file) || !entry.problems.isEmpty()) {
                load(id, file, entry, added, updated);
            }
        });
        Set<String> removed = new HashSet<>();
        entries.entrySet().removeIf(e -> {
            if (files.containsKey(e.getKey())) {
                return false;
            }
            boolean wasActive = e.getValue().good != null;
            if (wasActive) {
                removed.add(e.getKey());
            }
            LOG.infof("%s was deleted%s", e.getValue().file.path().getFileName(),
                    wasActive ? "; tenant " + e.getKey() + " removed" : "");
            return true;
        });
        publish(problemsOfScan);
        return new TenantsChanged(added, updated, removed);
    }

    private void load(String id, TenantFile file, Entry entry, Set<String> added, Set<String> updated) {
        String name = file.path().getFileName().toString();
        entry.file = file;
        LoadResult result = loader.load(file.path());
        if (result instanceof LoadResult.Loaded loaded) {
            if (entry.good == null) {
                added.add(id);
                LOG.infof("Tenant %s loaded from %s", id, name);
            } else if (!entry.good.equals(loaded.tenant())) {
                updated.add(id);
                LOG.infof("Tenant %s updated from %s", id, name);
            } else if (!entry.problems.isEmpty()) {
                LOG.infof("%s: problems fixed, tenant %s unchanged", name, id);
            }
            entry.good = loaded.tenant();
            entry.problems = List.of();
        } else if (result instanceof LoadResult.Failed failed && !failed.problems().equals(entry.problems)) {
            entry.problems = failed.problems();
            LOG.warnf("%s has %d problem(s); %s:%n  %s", name, entry.problems.size(),
                    entry.good == null ? "tenant " + id + " is not active"
                            : "tenant " + id + " keeps running with its last good version",
                    String.join("\n  ", entry.problems.stream().map(TenantProblem::toString).toList()));
        }
    }

    /** Tenant documents by id, with their modification stamps. */
    private Map<String, TenantFile> list(List<TenantProblem> problemsOfScan) throws IOException {
        Map<String, TenantFile> files = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> stream = Files.list(directory)) {
            // Sorted by name, so that x.yaml comes before x.yml.
            paths = stream.filter(TenantLoader::isTenantFile).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path path : paths) {
            String id = TenantLoader.tenantId(path);
            Optional<TenantFile> file = TenantFile.of(path);
            if (file.isEmpty()) {
                continue;
            }
            TenantFile first = files.putIfAbsent(id, file.get());
            if (first != null) {
                problemsOfScan.add(new TenantProblem(path.getFileName().toString(), null,
                        "ignored: " + first.path().getFileName() + " declares the same tenant"));
            }
        }
        return files;
    }

    private void publish(List<TenantProblem> problemsOfScan) {
        if (!problemsOfScan.equals(scanProblems)) {
            problemsOfScan.forEach(p -> LOG.warn(p));
            scanProblems = List.copyOf(problemsOfScan);
        }
        Map<String, Tenant> tenants = new TreeMap<>();
        List<TenantProblem> problems = new ArrayList<>(scanProblems);
        entries.forEach((id, entry) -> {
            if (entry.good != null) {
                tenants.put(id, entry.good);
            }
            problems.addAll(entry.problems);
        });
        problems.sort(Comparator.comparing(TenantProblem::file));
        snapshot = new Snapshot(Collections.unmodifiableMap(tenants), List.copyOf(problems));
    }

    /** A document as last seen: a different path, time or size means it must be read again. */
    private record TenantFile(Path path, FileTime modified, long size) {

        /** Empty if the path is not a regular file (following links) or vanished since it was listed. */
        static Optional<TenantFile> of(Path path) {
            try {
                if (!Files.isRegularFile(path)) {
                    return Optional.empty();
                }
                return Optional.of(new TenantFile(path, Files.getLastModifiedTime(path), Files.size(path)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private static final class Entry {
        TenantFile file;
        Tenant good;
        List<TenantProblem> problems = List.of();
    }

    private record Snapshot(Map<String, Tenant> tenants, List<TenantProblem> problems) {
    }
}
