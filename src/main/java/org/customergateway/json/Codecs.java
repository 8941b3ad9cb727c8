package org.customergateway.json;

import com.ctc.wstx.api.WstxInputProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.deser.FromXmlParser;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;

/**
 * The gateway's Jackson mappers, each built once. Inbound mappers are strict (unknown properties, a
 * string where a number belongs, trailing garbage: all errors) and bounded (nesting depth, string
 * length). The XML mapper never reads a DTD or an external entity. The lenient mapper is for vendor
 * answers, which may grow fields we do not know yet.
 */
public final class Codecs {

    /** Deeper than any customer document can legitimately be; stops stack-eating bodies early. */
    static final int MAX_NESTING_DEPTH = 32;
    /** No customer field comes near this; the body limit (1 MiB by default) bounds the rest. */
    static final int MAX_STRING_LENGTH = 64 * 1024;

    private static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(32)
            .build();

    private final ObjectMapper json = strictJson().registerModule(StrictScalars.module());
    private final XmlMapper xml = (XmlMapper) strictXml().registerModule(StrictScalars.module());
    private final XmlMapper xmlWriter = xmlWriter(xml);
    // built without StrictScalars: a vendor's answer is read as it is, not judged
    private final ObjectMapper lenientJson = strictJson()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    private final XmlMapper lenientXml = (XmlMapper) strictXml()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ObjectMapper json() {
        return json;
    }

    public XmlMapper xml() {
        return xml;
    }

    /**
     * A document that reads as nothing ({@code null}, {@code <customer/>}) is no customer: refused, not
     * passed on as a null.
     */
    public static <T> T present(T document) throws EmptyDocumentException {
        if (document == null) {
            throw new EmptyDocumentException();
        }
        return document;
    }

    /** Where in the document a reading error is, as {@code main_address.country} or {@code lines[2]}; empty when unknown. */
    public static String pathOf(JsonProcessingException error) {
        if (!(error instanceof JsonMappingException mapping)) {
            return "";
        }
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
    }

    /** A reading error as one line for the caller: what is wrong, and where. */
    public static String describe(JsonProcessingException error) {
        String path = pathOf(error);
        return error.getOriginalMessage() + (path.isEmpty() ? "" : " at " + path);
    }

    /** For reading a body of this format. */
    public ObjectMapper mapper(BodyFormat format) {
        return format == BodyFormat.XML ? xml : json;
    }

    /** For writing a body of this format: XML lists get their item element names ({@link XmlItemName}). */
    public ObjectMapper writer(BodyFormat format) {
        return format == BodyFormat.XML ? xmlWriter : json;
    }

    /**
     * For what vendors answer and what the gateway stored itself: unknown properties are ignored and a
     * missing primitive takes its default; everything else as strict.
     */
    public ObjectMapper lenient(BodyFormat format) {
        return format == BodyFormat.XML ? lenientXml : lenientJson;
    }

    private static ObjectMapper strictJson() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // every customer is read and written several times: Blackbird's generated accessors in place
                // of reflective calls, whose access checks alone were 1 % of a create's CPU
                .addModule(new BlackbirdModule())
                .addModule(isoDateTimes())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // {"name": "a", "name": "b"} is an error, not "b"
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        mapper.getFactory().setStreamReadConstraints(READ_LIMITS);
        // A number where a name belongs is a mistake in the caller's document, not something to guess at.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** After JavaTimeModule, so that it comes first: the usual form of a date-time read without java.time's formatter. */
    private static SimpleModule isoDateTimes() {
        return new SimpleModule("iso-date-times").addDeserializer(java.time.OffsetDateTime.class,
                new IsoOffsetDateTimeDeserializer());
    }

    private static XmlMapper strictXml() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Entities are replaced, and with no DTD read none is declared: any &xxe; or &lol9; is an error, never text.
        input.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        input.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_NESTING_DEPTH);
        input.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_STRING_LENGTH);
        input.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 1024);
        XmlFactory factory = XmlFactory.builder()
                .xmlInputFactory(input)
                .streamReadConstraints(READ_LIMITS)
                .build();
        XmlMapper mapper = XmlMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(isoDateTimes())
                .addModule(oneZeroBooleans())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // SimplePin writes <main_address/> for "no address"
                .enable(FromXmlParser.Feature.EMPTY_ELEMENT_AS_NULL)
                .build();
        return mapper;
    }

    private static XmlMapper xmlWriter(XmlMapper reader) {
        XmlMapper writer = reader.copy();
        writer.setAnnotationIntrospector(new JacksonXmlAnnotationIntrospector() {
            @Override
            public PropertyName findNameForSerialization(Annotated annotated) {
                XmlItemName item = _findAnnotation(annotated, XmlItemName.class);
                return item != null ? PropertyName.construct(item.value()) : super.findNameForSerialization(annotated);
            }
        });
        return writer;
    }

    /** SimplePin's XML booleans are 1 and 0; true and false are read too. */
    private static SimpleModule oneZeroBooleans() {
        SimpleModule module = new SimpleModule("one-zero-booleans");
        module.addSerializer(Boolean.class, new StdScalarSerializer<>(Boolean.class) {
            @Override
            public void serialize(Boolean value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value ? "1" : "0");
            }
        });
        module.addDeserializer(Boolean.class, new StdScalarDeserializer<>(Boolean.class) {
            @Override
            public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE) {
                    return p.getBooleanValue();
                }
                String text = p.getValueAsString();
                return switch (text == null ? "" : text.trim()) {
                    case "1", "true" -> Boolean.TRUE;
                    case "0", "false" -> Boolean.FALSE;
                    case "" -> null;
                    default -> throw JsonMappingException.from(p, "'" + text + "' is not a boolean: expected 1 or 0");
                };
            }
        });
        return module;
    }
}
