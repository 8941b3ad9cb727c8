package org.customergateway.filedrop;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The inboxes' file filter: only regular files are read. A symbolic link is never followed (a link to
 * {@code /etc/passwd} would put a system file into a report and the log) and a directory is not a
 * file: each is moved to {@code failed/} with its reason as soon as the consumer sees it, instead of
 * being skipped silently, and neither holds up the files after it. (Camel shows a filter directories
 * only when it may descend into them: the inbox routes are recursive to depth 2 for that alone.)
 */
public final class InboxGuard implements GenericFileFilter<File> {

    private final FailedFiles failed;

    public InboxGuard(FailedFiles failed) {
        this.failed = failed;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        Path entry = file.getFile().toPath();
        if (Files.isSymbolicLink(entry)) {
            failed.moveIn(entry, "it is a symbolic link, and links are never followed: drop the file itself");
            return false;
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            failed.moveIn(entry, "it is a directory; drop .csv, .json or .xml files into the inbox itself");
            return false;
        }
        return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
    }
}
