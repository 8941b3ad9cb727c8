package org.customergateway.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes {@code 2024-03-01T09:30:00.000Z}: milliseconds and offset always present, the form
 * SimplePin documents ({@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}). Reading stays lenient ISO-8601.
 */
public final class MillisOffsetDateTimeSerializer extends StdSerializer<OffsetDateTime> {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    public MillisOffsetDateTimeSerializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(FORMAT.format(value));
    }
}
