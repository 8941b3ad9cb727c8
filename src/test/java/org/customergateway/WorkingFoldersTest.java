package org.customergateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.customergateway.support.GatewayExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway reads routes/ and mappings/ from its working directory (SPEC 9): started where one is
 * not, it refuses in one line that names the setting, the folder it looked for and the variables that
 * move them.
 */
class WorkingFoldersTest {

    @RegisterExtension
    static final GatewayExtension SETUP = GatewayExtension.perTest();

    @TempDir
    Path elsewhere;

    @ParameterizedTest
    @CsvSource({"gateway.routes-dir, routes", "gateway.mappings-dir, mappings"})
    void refuses_to_start_without_its_folder_and_says_where_it_looked(String setting, String folder) {
        Path missing = elsewhere.resolve(folder);
        assertThatThrownBy(() -> SETUP.start(Map.of(setting, missing.toString())))
                .rootCause()
                .isInstanceOf(StartRefused.class)
                .hasMessageStartingWith("no such folder: " + setting + " (" + missing.toAbsolutePath() + ")")
                .hasMessageContaining("GATEWAY_ROUTES_DIR and GATEWAY_MAPPINGS_DIR");
    }
}
