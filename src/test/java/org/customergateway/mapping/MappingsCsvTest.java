package org.customergateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingsCsvTest {

    @TempDir
    Path dir;

    @Test
    void reads_rows_after_the_expected_header_skipping_comments_and_blank_lines() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "# a comment\nid,name\n\n1,One\n2,\n");
        assertThat(MappingsCsv.read(file, "id,name")).containsExactly(new String[] {"1", "One"}, new String[] {"2", ""});
    }

    @Test
    void refuses_another_header() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "id,title\n1,One\n");
        assertThatThrownBy(() -> MappingsCsv.read(file, "id,name")).hasMessageContaining("header must be 'id,name'");
    }

    @Test
    void refuses_a_row_with_another_number_of_cells() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "id,name\n1,One,extra\n");
        assertThatThrownBy(() -> MappingsCsv.read(file, "id,name")).hasMessageContaining("expected 2 columns, found 3");
    }
}
