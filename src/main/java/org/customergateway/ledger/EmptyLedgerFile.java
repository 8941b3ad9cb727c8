package org.customergateway.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The file a new embedded ledger starts as: an SQLite file that the build made with the same migrations
 * (process-classes, see pom.xml), so that a first start copies it instead of running them all.
 * Without the file (a build that did not make it), a new ledger is made by Flyway, as any other.
 */
public final class EmptyLedgerFile {

    static final String RESOURCE = "ledger/empty-ledger.db";

    private EmptyLedgerFile() {
    }

    /** @param args the classes folder to write into (target/classes) */
    public static void main(String... args) throws IOException {
        Path file = Path.of(args[0]).resolve(RESOURCE);
        Files.deleteIfExists(file);
        Path folder = Files.createTempDirectory("empty-ledger");
        Path made = folder.resolve("ledger.db");
        LedgerDatabase ledger = new LedgerDatabase("jdbc:sqlite:" + made, "", "", 1);
        // closing the last connection folds the write-ahead log into the file itself
        ledger.stop();
        Files.createDirectories(file.getParent());
        Files.move(made, file);
        try (Stream<Path> left = Files.walk(folder)) {
            // the folder, and whatever SQLite left beside the file
            for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Writes the build's empty ledger at {@code target}, which does not exist yet; false when this build has none. */
    static boolean copyTo(Path target) {
        try (InputStream empty = EmptyLedgerFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (empty == null) {
                return false;
            }
            Files.copy(empty, target);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new ledger file " + target, e);
        }
    }
}
