package org.customergateway.ledger;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, copied out of the jar once per sqlite-jdbc version into the user's cache
 * ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}: {@code customer-gateway/sqlite-jdbc-<version>/}) and
 * loaded from there. Left to itself, sqlite-jdbc writes it into the temporary folder under a new name at
 * every start, reads both copies back to compare them and then loads it: 5 % of a start's work
 * (BENCHMARKS.md "Session 6"). Not beside the ledger: {@code data/} holds what the gateway remembers,
 * and nothing else. The copy is written under a temporary name and moved into place, so a start never
 * finds half a library; one of another size is written again. Should the copy fail (a home folder the
 * user cannot write, as in the container) or the system refuse to load it from there (a folder mounted
 * {@code noexec}), sqlite-jdbc goes on to its own way. Nothing is done when {@code org.sqlite.lib.path}
 * is set already: a library of one's own, as sqlite-jdbc documents.
 */
final class SqliteNativeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /** Before the first SQLite connection of this JVM: the library is then loaded from the user's cache. */
    static void keepInUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        keepIn(cache.resolve("customer-gateway"));
    }

    /** The library is then loaded from {@code cache/sqlite-jdbc-<version>/}. */
    static synchronized void keepIn(Path cache) {
        if (System.getProperty(PATH) != null) {
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        URL packed = SqliteNativeLibrary.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (packed == null) {
            return; // none in the jar for this system: sqlite-jdbc's own search decides
        }
        Path folder = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
        Path library = folder.resolve(name);
        try {
            long size = packed.openConnection().getContentLengthLong();
            if (!Files.isRegularFile(library) || Files.size(library) != size) {
                Files.createDirectories(folder);
                Path part = Files.createTempFile(folder, name, ".part");
                try (InputStream in = packed.openStream()) {
                    Files.copy(in, part, REPLACE_EXISTING);
                }
                Files.move(part, library, ATOMIC_MOVE, REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a speed-up, never a reason not to start
            if (!Files.isRegularFile(library)) {
                LOG.debug("SQLite's native library not kept in {} ({}): sqlite-jdbc writes its own copy", folder, e.toString());
                return;
            }
        }
        System.setProperty(PATH, folder.toAbsolutePath().toString());
        System.setProperty(NAME, name);
    }
}
