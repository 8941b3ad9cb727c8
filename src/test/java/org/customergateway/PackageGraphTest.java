package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other without loops (a house that shows the flow): read from
 * the sources' imports, so that a class moved or an import added that closes a loop fails here.
 */
class PackageGraphTest {

    private static final Path ROOT = Path.of("src/main/java/org/customergateway");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.customergateway\\.([a-z.]+)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void no_package_depends_on_itself_through_others() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> loops = new ArrayList<>();
        for (String start : uses.keySet()) {
            walk(start, start, uses, new HashSet<>(), new ArrayList<>(List.of(start)), loops);
        }
        assertThat(loops).as("package loops").isEmpty();
    }

    @Test
    void the_simulators_use_none_of_the_gateways_rules() throws IOException {
        Map<String, Set<String>> uses = uses();
        for (String sandbox : List.of("simplepin.sandbox", "syntch.sandbox")) {
            assertThat(uses.getOrDefault(sandbox, Set.of())).doesNotContain("translation", "dispatch");
        }
    }

    private static void walk(String start, String at, Map<String, Set<String>> uses, Set<String> seen, List<String> path,
                             List<String> loops) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                loops.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                walk(start, next, uses, seen, path, loops);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = ROOT.relativize(file.getParent()).toString().replace('/', '.');
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    if (!imports.group(1).equals(pkg)) {
                        uses.computeIfAbsent(pkg.isEmpty() ? "(root)" : pkg, k -> new TreeSet<>()).add(imports.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
