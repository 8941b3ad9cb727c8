package org.customergateway.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The ledger's migrations, named instead of searched for: Flyway's own search reads every entry of the
 * jar (some 34,000) for each location, which cost a tenth of the gateway's start. {@code db/migration}
 * holds those of every engine, {@code db/vendor/<engine>} those written per engine.
 * {@code LedgerMigrationsTest} holds this list to the folders, so a new file cannot be forgotten here.
 */
public final class LedgerMigrations implements ResourceProvider, ClassProvider<JavaMigration> {

    static final List<String> COMMON = List.of("V1__ledger.sql", "V2__instances.sql", "V4__retention_indexes.sql",
            "V5__customer_records.sql", "V6__customer_record_attempts.sql",
            "V7__idempotency_expiry_from_the_current_ttl.sql", "V8__customer_documents.sql");
    static final List<String> PER_ENGINE = List.of("V3__times_as_epoch_millis.sql", "V9__customer_tables_without_rowid.sql");
    /** The versions these files make, as Flyway's history writes them ({@code V5__x.sql} is 5). */
    static final List<String> VERSIONS = Stream.concat(COMMON.stream(), PER_ENGINE.stream())
            .map(file -> file.substring(1, file.indexOf("__"))).toList();

    private final List<LoadableResource> resources = new ArrayList<>();

    /** @param engine {@code sqlite} or {@code postgresql} */
    public LedgerMigrations(String engine) {
        add("db/migration", COMMON);
        add("db/vendor/" + engine, PER_ENGINE);
    }

    private void add(String folder, List<String> files) {
        Location location = new Location("classpath:" + folder);
        ClassLoader loader = LedgerMigrations.class.getClassLoader();
        for (String file : files) {
            resources.add(new ClassPathResource(location, folder + "/" + file, loader, StandardCharsets.UTF_8));
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(r -> r.getFilename().equals(name) || r.getRelativePath().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream()
                .filter(r -> r.getFilename().startsWith(prefix) && Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith))
                .toList();
    }

    /** The ledger has no migrations written in Java. */
    @Override
    public Collection<Class<? extends JavaMigration>> getClasses() {
        return List.of();
    }
}
