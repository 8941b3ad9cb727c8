package org.customergateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.customergateway.support.GatewayExtension;
import org.customergateway.support.Fixtures;
import org.customergateway.support.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** gateway.routes-dir and gateway.mappings-dir move the folders the gateway reads (docs/configuration.md). */
class FoldersTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    Path elsewhere;

    @Test
    void reads_routes_and_mappings_from_the_folders_named() throws Exception {
        copy(Path.of("routes"), elsewhere.resolve("my-routes"));
        copy(Path.of("mappings"), elsewhere.resolve("my-mappings"));
        // a table of its own: Ontario is 777 here
        Path provinces = elsewhere.resolve("my-mappings/simplepin-provinces.csv");
        Files.writeString(provinces, Files.readString(provinces).replace("60,124,ON,Ontario", "777,124,ON,Ontario"));

        try (RunningGateway gateway = SETUP.start(Map.of(
                "gateway.routes-dir", elsewhere.resolve("my-routes").toString(),
                "gateway.mappings-dir", elsewhere.resolve("my-mappings").toString()))) {
            var response = gateway.post("/api/v1/translate?from=canonical&to=simplepin", "application/json",
                    Fixtures.bytes("canonical-customer.json"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Fixtures.CODECS.json().readTree(response.body()).at("/body/main_address/province").asInt())
                    .isEqualTo(777);
        }
    }

    @Test
    void refuses_to_start_on_a_mapping_table_with_a_duplicate_id() throws Exception {
        copy(Path.of("mappings"), elsewhere.resolve("bad"));
        Path countries = elsewhere.resolve("bad/simplepin-countries.csv");
        Files.writeString(countries, Files.readString(countries) + "124,CA,CAN,Canada again\n");
        assertThatThrownBy(() -> SETUP.start(Map.of("gateway.mappings-dir", elsewhere.resolve("bad").toString())))
                .rootCause().hasMessageContaining("duplicate country id 124");
    }

    @Test
    void refuses_to_start_when_an_operation_of_the_http_contract_has_no_route() throws Exception {
        copy(Path.of("routes"), elsewhere.resolve("fewer-routes"));
        Files.delete(elsewhere.resolve("fewer-routes/vendors-http.camel.yaml"));
        assertThatThrownBy(() -> SETUP.start(Map.of("gateway.routes-dir", elsewhere.resolve("fewer-routes").toString())))
                .rootCause().hasMessageContaining("HTTP operations [getVendors] of openapi.yaml");
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
