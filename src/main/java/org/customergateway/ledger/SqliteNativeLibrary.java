package org.customergateway.ledger;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, copied out of the jar once per sqlite-jdbc version, beside the ledger
 * ({@code data/native/sqlite-jdbc-<version>/}), and loaded from there. Left to itself, sqlite-jdbc writes
 * it into the temporary folder under a new name at every start, reads both copies back to compare them
 * and then loads it: 5 % of a start's work (BENCHMARKS.md "Session 6"). The copy is written under a
 * temporary name and moved into place, so a start never finds half a library; one of another size is
 * written again. Should the system refuse to load it from there (a folder mounted {@code noexec}),
 * sqlite-jdbc goes on to its own way. Nothing is done when {@code org.sqlite.lib.path} is set already:
 * a library of one's own, as sqlite-jdbc documents.
 */
final class SqliteNativeLibrary {

    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /** Before the first SQLite connection of this JVM: the library is then loaded from {@code ledgerFolder}. */
    static synchronized void keepIn(Path ledgerFolder) {
        if (System.getProperty(PATH) != null) {
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        URL packed = SqliteNativeLibrary.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (packed == null) {
            return; // none in the jar for this system: sqlite-jdbc's own search decides
        }
        Path folder = ledgerFolder.resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
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
            throw new UncheckedIOException("cannot keep SQLite's native library in " + folder, e);
        }
        System.setProperty(PATH, folder.toAbsolutePath().toString());
        System.setProperty(NAME, name);
    }
}
