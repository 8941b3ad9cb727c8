package org.customergateway.mapping;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names a field in the caller's own schema whatever schema found the problem: a Syntch violation on
 * {@code ShippingAddress.PostalCode} reaches a SimplePin caller as {@code main_address.zip}. The
 * correspondences are data, {@code mappings/field-paths.csv}; every translation passes through the
 * canonical name.
 */
public final class FieldPaths {

    public static final String FILE = "field-paths.csv";
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private final Map<SchemaName, Map<String, String>> toCanonical = new EnumMap<>(SchemaName.class);
    private final Map<SchemaName, Map<String, String>> fromCanonical = new EnumMap<>(SchemaName.class);

    public FieldPaths(List<String[]> rows) {
        for (SchemaName schema : SchemaName.values()) {
            toCanonical.put(schema, new HashMap<>());
            fromCanonical.put(schema, new HashMap<>());
        }
        for (String[] row : rows) {
            String canonical = row[0];
            for (SchemaName schema : SchemaName.values()) {
                String name = row[schema.ordinal()];
                if (name.isEmpty()) {
                    continue;
                }
                if (fromCanonical.get(schema).putIfAbsent(canonical, name) != null) {
                    throw new IllegalStateException(FILE + ": canonical field " + canonical + " is listed twice");
                }
                toCanonical.get(schema).putIfAbsent(name, canonical);
            }
        }
    }

    public static FieldPaths load(Path mappingsDir) {
        return new FieldPaths(MappingsCsv.read(mappingsDir.resolve(FILE), "canonical,simplepin,syntch"));
    }

    /**
     * @param sourcePaths target path prefixes that stand elsewhere in this particular document, from
     *                    {@link Mapped#sourcePaths()}
     * @return the path in {@code to}, or the path unchanged when {@code to} has no name for it
     */
    public String translate(String path, SchemaName from, SchemaName to, Map<String, String> sourcePaths) {
        if (path == null) {
            return null;
        }
        String translated = from == to ? path : rename(path, from, to);
        if (translated == null) {
            return path;
        }
        for (Map.Entry<String, String> moved : sourcePaths.entrySet()) {
            if (translated.startsWith(moved.getKey())) {
                return moved.getValue() + translated.substring(moved.getKey().length());
            }
        }
        return translated;
    }

    /** @return the path in {@code to}, or null when either schema has no name for it */
    private String rename(String path, SchemaName from, SchemaName to) {
        String canonical = from == SchemaName.CANONICAL ? path : lookup(path, toCanonical.get(from));
        if (canonical == null) {
            return null;
        }
        return to == SchemaName.CANONICAL ? canonical : lookup(canonical, fromCanonical.get(to));
    }

    public List<FieldMessage> translate(List<FieldMessage> messages, SchemaName from, SchemaName to,
                                        Map<String, String> sourcePaths) {
        if (from == to && sourcePaths.isEmpty()) {
            return messages;
        }
        return messages.stream()
                .map(m -> new FieldMessage(translate(m.field(), from, to, sourcePaths), m.message()))
                .toList();
    }

    /** Longest known prefix wins; the rest of the path is carried over as it is. */
    private static String lookup(String path, Map<String, String> names) {
        String found = lookupExactPrefix(path, names);
        if (found == null && path.indexOf('[') >= 0) {
            found = lookupExactPrefix(INDEX.matcher(path).replaceAll("[0]"), names);
        }
        return found;
    }

    private static String lookupExactPrefix(String path, Map<String, String> names) {
        String prefix = path;
        while (true) {
            String name = names.get(prefix);
            if (name != null) {
                return name + path.substring(prefix.length());
            }
            int cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['));
            if (cut <= 0) {
                return null;
            }
            prefix = prefix.substring(0, cut);
        }
    }
}
