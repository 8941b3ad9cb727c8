import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The container's HEALTHCHECK: exit 0 when /observe/health/ready on the management port answers 200. */
public class Healthcheck {
    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("CAMEL_MANAGEMENT_PORT", "9876");
        try {
            HttpResponse<Void> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/health/ready")).timeout(Duration.ofSeconds(4)).build(),
                    HttpResponse.BodyHandlers.discarding());
            System.exit(ready.statusCode() == 200 ? 0 : 1);
        } catch (Exception notAnswering) {
            System.out.println("not ready: " + notAnswering);
            System.exit(1);
        }
    }
}
