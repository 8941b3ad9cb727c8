package org.customergateway.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.customergateway.json.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file drop's {@code failed/} folder: what could not be read, each with a {@code <name>.error.txt}
 * beside it saying why (docs/file-drop.md).
 */
public final class FailedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(FailedFiles.class);

    private final Path folder;
    private final FileDropStatus status;

    public FailedFiles(Path folder, FileDropStatus status) {
        this.folder = folder;
        this.status = status;
    }

    /** Writes {@code failed/<name>.error.txt}; the file itself is moved by the route (moveFailed). */
    public void explain(String name, String why) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name + ".error.txt"), "The file " + name + " could not be read: "
                    + why + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("cannot write the error file for {}", TextRules.loggable(name), e);
        }
        LOG.warn("file {} moved to failed/: {}", TextRules.loggable(name), TextRules.loggable(why));
        status.failed(name, why);
    }

    /**
     * Moves an entry the file consumer cannot take (a directory, a symbolic link: the link itself, never
     * what it points to) into {@code failed/}, under another name when that one is taken, and explains it.
     */
    public void moveIn(Path entry, String why) {
        String name = entry.getFileName().toString();
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                name = name + "." + System.currentTimeMillis();
                target = folder.resolve(name);
            }
            Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("cannot move {} to failed/: {}", TextRules.loggable(entry.toString()), TextRules.loggable(e.getMessage()));
            return;
        }
        explain(name, why);
    }
}
