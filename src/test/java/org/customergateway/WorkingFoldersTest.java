package org.customergateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway reads routes/ and mappings/ from its working directory (SPEC 9): started where they are
 * not, it refuses in one line that names the settings and the folders it looked for.
 */
class WorkingFoldersTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    Path elsewhere;

    @Test
    void refuses_to_start_without_its_routes_folder_and_says_where_it_looked() {
        Path routes = elsewhere.resolve("routes");
        assertThatThrownBy(() -> SETUP.start(Map.of("gateway.routes-dir", routes.toString())))
                .rootCause()
                .isInstanceOf(StartRefused.class)
                .hasMessageStartingWith("no such folder: gateway.routes-dir (" + routes.toAbsolutePath() + ")")
                .hasMessageContaining("GATEWAY_ROUTES_DIR");
    }

    @Test
    void refuses_to_start_without_its_mapping_tables_folder() {
        Path mappings = elsewhere.resolve("mappings");
        assertThatThrownBy(() -> SETUP.start(Map.of("gateway.mappings-dir", mappings.toString())))
                .rootCause()
                .isInstanceOf(StartRefused.class)
                .hasMessageStartingWith("no such folder: gateway.mappings-dir (" + mappings.toAbsolutePath() + ")");
    }
}
