package org.customergateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/** SQLite's native library is kept in the user's cache, whole; one of one's own is left alone; a failed copy stops nothing. */
class SqliteNativeLibraryTest {

    private String path;
    private String name;

    @BeforeEach
    void forgetThisJvmsChoice() {
        // the library itself is loaded once per JVM; only where the next one would come from is tested here
        path = System.clearProperty("org.sqlite.lib.path");
        name = System.clearProperty("org.sqlite.lib.name");
    }

    @AfterEach
    void restore() {
        restore("org.sqlite.lib.path", path);
        restore("org.sqlite.lib.name", name);
    }

    @Test
    void the_library_is_copied_once_into_the_cache_and_loaded_from_there(@TempDir Path cache) throws Exception {
        SqliteNativeLibrary.keepIn(cache);

        Path library = only(cache);
        assertThat(library.getParent().getFileName().toString()).startsWith("sqlite-jdbc-");
        assertThat(library.getFileName()).hasToString(LibraryLoaderUtil.getNativeLibName());
        assertThat(Files.size(library)).isGreaterThan(100_000);
        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(library.getParent().toAbsolutePath().toString());
        assertThat(System.getProperty("org.sqlite.lib.name")).isEqualTo(library.getFileName().toString());
        try (Stream<Path> left = Files.list(library.getParent())) {
            assertThat(left).as("no part file left").containsExactly(library);
        }
    }

    @Test
    void a_library_cut_short_is_written_again(@TempDir Path cache) throws Exception {
        SqliteNativeLibrary.keepIn(cache);
        Path library = only(cache);
        long whole = Files.size(library);
        Files.write(library, new byte[10]);
        forgetThisJvmsChoice();

        SqliteNativeLibrary.keepIn(cache);

        assertThat(Files.size(library)).isEqualTo(whole);
    }

    @Test
    void a_folder_it_cannot_write_leaves_the_library_to_sqlite_jdbc_and_the_start_goes_on(@TempDir Path home) throws Exception {
        Path notAFolder = Files.writeString(home.resolve("cache"), "a file where the folder would be");

        SqliteNativeLibrary.keepIn(notAFolder);

        assertThat(notAFolder).isRegularFile();
        assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
    }

    @Test
    void a_library_of_ones_own_is_left_alone(@TempDir Path cache) throws Exception {
        System.setProperty("org.sqlite.lib.path", "/opt/sqlite");

        SqliteNativeLibrary.keepIn(cache);

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo("/opt/sqlite");
    }

    private static Path only(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).reduce((a, b) -> {
                throw new AssertionError("more than one file: " + a + ", " + b);
            }).orElseThrow();
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
