package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every configuration key is documented in docs/configuration.md with its default and the sentence of its
 * comment in the properties file (the page is made from those files by bench/config-docs.py, so an edit of
 * the page alone would be lost at its next run), and its default is written once: in application.properties,
 * never again in the code that reads it.
 */
class ConfigurationDocsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final List<String> FILES = List.of("application.properties", "application-sandbox.properties",
            "application-prod.properties");

    @Test
    void every_key_of_the_properties_files_is_in_the_configuration_page() throws IOException {
        String page = Files.readString(Path.of("docs/configuration.md"));
        List<String> missing = new ArrayList<>();
        for (String file : FILES) {
            for (String line : Files.readAllLines(RESOURCES.resolve(file))) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                    String key = line.substring(0, line.indexOf('=')).trim();
                    if (!page.contains("`" + key + "`")) {
                        missing.add(file + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("keys not in docs/configuration.md (run python3 bench/config-docs.py)").isEmpty();
    }

    @Test
    void every_keys_row_on_the_page_says_what_its_comment_in_the_properties_file_says() throws IOException {
        // the page as bench/config-docs.py writes it, but for the code type it gives keys and routes
        String page = Files.readString(Path.of("docs/configuration.md")).replace("`", "");
        List<String> unlike = new ArrayList<>();
        for (String file : FILES) {
            List<String> comment = new ArrayList<>();
            for (String line : Files.readAllLines(RESOURCES.resolve(file))) {
                if (line.startsWith("## ") || line.isBlank()) {
                    comment.clear();
                } else if (line.startsWith("#")) {
                    String sentence = line.replaceFirst("^#+", "").strip();
                    if (!sentence.isEmpty()) {
                        comment.add(sentence);
                    }
                } else if (line.contains("=")) {
                    String key = line.substring(0, line.indexOf('=')).strip();
                    String value = line.substring(line.indexOf('=') + 1).strip().replace("|", "\\|");
                    String row = "| " + key + " | " + (value.isEmpty() ? "(empty)" : value) + " | "
                            + String.join(" ", comment).replace("|", "\\|") + " |";
                    if (!page.contains(row)) {
                        unlike.add(file + ": " + key);
                    }
                    comment.clear();
                }
            }
        }
        assertThat(unlike).as("rows of docs/configuration.md unlike their properties file (run python3 bench/config-docs.py)")
                .isEmpty();
    }

    @Test
    void every_key_the_wiring_reads_has_its_default_in_application_properties_only() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var areas = Files.newDirectoryStream(Path.of("src/main/java/org/customergateway"),
                file -> file.getFileName().toString().matches("GatewayConfiguration.java|.+Wiring.java"))) {
            for (Path area : areas) {
                all.append(Files.readString(area));
            }
        }
        String wiring = all.toString();
        String defaults = Files.readString(RESOURCES.resolve("application.properties"));
        assertThat(wiring).doesNotContain("defaultValue");
        Matcher injected = Pattern.compile("@PropertyInject\\(\"([^\"]+)\"\\)").matcher(wiring);
        List<String> missing = new ArrayList<>();
        while (injected.find()) {
            if (!Pattern.compile("(?m)^" + Pattern.quote(injected.group(1)) + "\\s*=").matcher(defaults).find()) {
                missing.add(injected.group(1));
            }
        }
        assertThat(missing).as("keys read without a default in application.properties").isEmpty();
    }
}
