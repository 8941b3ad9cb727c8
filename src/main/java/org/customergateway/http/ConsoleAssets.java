package org.customergateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The console's files ({@code /console}, {@code /console/{file}}), read from the jar: the page, its
 * stylesheet and JavaScript modules under {@code console/}, and uPlot from its webjar. Only a plain file
 * name of the console's own folder is served, never a path. The page holds no data and no secret, so it
 * is served without an API key; every API call it makes asks for one (when keys are set).
 */
public final class ConsoleAssets {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");
    /** Scripts, styles, data and connections from this origin only; the page is not to be framed. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final Map<String, String> webjarFiles;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public ConsoleAssets() {
        String uplot = "META-INF/resources/webjars/uplot/" + webjarVersion("uplot") + "/dist/";
        this.webjarFiles = Map.of("uplot.js", uplot + "uPlot.esm.js", "uplot.css", uplot + "uPlot.min.css");
    }

    /** {@code GET /console}: the page. */
    public void page(Message message) {
        serve(message, "index.html");
    }

    /** {@code GET /console/{file}}. */
    public void file(Message message) {
        serve(message, message.getHeader("file", String.class));
    }

    private void serve(Message message, String name) {
        byte[] content = name == null || !NAME.matcher(name).matches() ? null
                : cache.computeIfAbsent(name, n -> read(webjarFiles.getOrDefault(n, "console/" + n)).orElse(null));
        if (content == null) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found", "the console has no file " + name));
        }
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        // always asked again (a new jar brings new files), answered from memory
        message.setHeader("Cache-Control", "no-cache");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Content-Security-Policy", POLICY);
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setBody(content);
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion(String artifact) {
        String resource = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the webjar " + artifact + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
