package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/ point only at files in this repository, and every file they point at exists. */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void every_link_stays_in_the_repository_and_resolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            assertThat(text).as(page + " names a file outside the repository").doesNotContain("../shared");
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                String target = links.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                Path resolved = page.toAbsolutePath().getParent().resolve(target).normalize();
                if (!resolved.startsWith(Path.of("").toAbsolutePath()) || !Files.exists(resolved)) {
                    broken.add(page + " -> " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }
}
