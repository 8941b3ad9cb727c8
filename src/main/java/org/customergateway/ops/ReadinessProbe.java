package org.customergateway.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK (see the Dockerfile): exits 0 when {@code /observe/health/ready} on the
 * management port ({@code CAMEL_MANAGEMENT_PORT}, 9876) answers 200, else 1 with the reason. A JRE image
 * has no curl, and runs no {@code .java} source without a compiler, so the probe is a class of the jar:
 * {@code java -cp customer-gateway.jar org.customergateway.ops.ReadinessProbe}.
 */
public final class ReadinessProbe {

    private ReadinessProbe() {
    }

    public static void main(String... args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("CAMEL_MANAGEMENT_PORT", "9876"));
        String problem = problem(port);
        if (problem != null) {
            System.out.println("not ready: " + problem);
        }
        System.exit(problem == null ? 0 : 1);
    }

    /** Why the gateway on this management port is not ready, or null when it is. */
    static String problem(int managementPort) {
        try {
            HttpResponse<Void> ready = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/observe/health/ready"))
                            .timeout(Duration.ofSeconds(4)).build(), HttpResponse.BodyHandlers.discarding());
            return ready.statusCode() == 200 ? null : "/observe/health/ready answered " + ready.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception notAnswering) {
            return notAnswering.toString();
        }
    }
}
