package org.customergateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.junit.jupiter.api.Test;

/** What the build wrote into the jar is what the models give now: never a stale schema. */
class PublishedDocumentsTest {

    private final Codecs codecs = new Codecs();

    @Test
    void the_built_schemas_are_the_models_schemas() throws Exception {
        for (SchemaName name : SchemaName.values()) {
            byte[] built = PublishedDocuments.fromBuild(PublishedDocuments.resource(name));
            assertThat(built).as("%s written by the build (mvn process-classes)", name).isNotNull();
            assertThat(codecs.json().readTree(built)).isEqualTo(PublishedDocuments.schemas().get(name));
        }
    }
}
