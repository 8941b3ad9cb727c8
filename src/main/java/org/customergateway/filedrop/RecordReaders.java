package org.customergateway.filedrop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.customergateway.canonical.CanonicalCsv;
import org.customergateway.json.BodyFormat;
import org.customergateway.json.Codecs;
import org.customergateway.mapping.SchemaName;
import org.customergateway.simplepin.CCProfileApiV2Model;
import org.customergateway.simplepin.CCProfileV2Model;
import org.customergateway.syntch.CustomerDetail;
import org.customergateway.syntch.PostCustomer;
import org.customergateway.translation.SchemaSniffer;
import org.customergateway.translation.Translator;

/**
 * Reads a dropped file record by record, streaming, whatever its format (by extension) and schema (by
 * content): canonical CSV; JSON holding one customer or an array of them; XML holding one customer or
 * a root element around many. A record that cannot be read is a record with an error; a file whose
 * structure cannot be read at all throws {@link IOException}.
 */
public final class RecordReaders {

    private final Codecs codecs;
    private final Translator translator;
    private final CanonicalCsv csv = new CanonicalCsv();

    public RecordReaders(Codecs codecs, Translator translator) {
        this.codecs = codecs;
        this.translator = translator;
    }

    public static BodyFormat formatOf(String fileName) throws IOException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return BodyFormat.CSV;
        }
        if (lower.endsWith(".json")) {
            return BodyFormat.JSON;
        }
        if (lower.endsWith(".xml")) {
            return BodyFormat.XML;
        }
        throw new IOException("'" + fileName + "' is not .csv, .json or .xml");
    }

    public Iterator<FileRecord> read(InputStream in, BodyFormat format) throws IOException {
        return switch (format) {
            case CSV -> csv(in);
            case JSON -> json(in);
            case XML -> xml(in);
        };
    }

    private Iterator<FileRecord> csv(InputStream in) throws IOException {
        Iterator<CanonicalCsv.Record> records = csv.read(in);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public FileRecord next() {
                CanonicalCsv.Record record = records.next();
                return record.isValid()
                        ? new FileRecord(record.number(), SchemaName.CANONICAL, record.customer(), identity(record.customer()))
                        : FileRecord.refused(record.number(), record.customerId(), record.error());
            }
        };
    }

    private Iterator<FileRecord> json(InputStream in) throws IOException {
        JsonParser parser = codecs.json().getFactory().createParser(in);
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
            throw new IOException("a JSON file holds one customer object or an array of them");
        }
        boolean array = first == JsonToken.START_ARRAY;
        return new Iterator<>() {
            private long number;
            private boolean pending = !array;
            /** Past the array's end: asked again (Camel's split asks once more as it finishes), still no record. */
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (pending) {
                    return true;
                }
                if (!array || ended) {
                    return false;
                }
                try {
                    JsonToken token = parser.nextToken();
                    pending = token == JsonToken.START_OBJECT;
                    ended = token == JsonToken.END_ARRAY;
                    if (!pending && !ended) {
                        throw new IOException("array element " + (number + 1) + " is not an object");
                    }
                    return pending;
                } catch (IOException e) {
                    throw new UnreadableFileException(e);
                }
            }

            @Override
            public FileRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                pending = false;
                number++;
                JsonNode tree;
                try {
                    tree = codecs.json().readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .readValue(parser);
                } catch (IOException e) {
                    throw new UnreadableFileException(e);
                }
                return record(number, SchemaSniffer.ofJson(tree), tree);
            }
        };
    }

    private FileRecord record(long number, SchemaName schema, JsonNode tree) {
        try {
            byte[] json = codecs.json().writeValueAsBytes(tree);
            Object document = translator.schema(schema).read(json, BodyFormat.JSON);
            return new FileRecord(number, schema, document, identity(document));
        } catch (IOException unreadable) {
            return FileRecord.unreadable(number, schema.displayName() + " customer: " + unreadable.getMessage()
                    .split("\n")[0]);
        }
    }

    private Iterator<FileRecord> xml(InputStream in) throws IOException {
        XMLStreamReader reader;
        try {
            reader = codecs.xml().getFactory().getXMLInputFactory().createXMLStreamReader(in);
            reader.nextTag();
        } catch (XMLStreamException e) {
            throw new IOException("the XML cannot be read: " + e.getMessage(), e);
        }
        boolean single = SchemaSniffer.ofXmlElement(reader.getLocalName()) != null;
        return new Iterator<>() {
            private long number;
            private boolean pending = single;
            /** Past the root's end tag: asked again, still no record. */
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (pending) {
                    return true;
                }
                if (single || ended) {
                    return false;
                }
                try {
                    int event = reader.nextTag();
                    pending = event == XMLStreamConstants.START_ELEMENT;
                    ended = !pending;
                    return pending;
                } catch (XMLStreamException e) {
                    throw new UnreadableFileException(new IOException(e.getMessage(), e));
                }
            }

            @Override
            public FileRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                pending = false;
                number++;
                String element = reader.getLocalName();
                SchemaName schema = SchemaSniffer.ofXmlElement(element);
                if (schema == null) {
                    skip(reader);
                    return FileRecord.unreadable(number, "<" + element + "> is no customer element");
                }
                try {
                    // the element alone, as a parser of its own: what follows it is the next record, not trailing junk
                    JsonParser elementParser = codecs.xml().getFactory().createParser(reader);
                    Object document = codecs.xml().readerFor(xmlType(schema, element))
                            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(elementParser);
                    return new FileRecord(number, schema, document, identity(document));
                } catch (IOException unreadable) {
                    return FileRecord.unreadable(number, schema.displayName() + " customer: "
                            + unreadable.getMessage().split("\n")[0]);
                }
            }
        };
    }

    private static Class<?> xmlType(SchemaName schema, String element) {
        return switch (schema) {
            case CANONICAL -> org.customergateway.canonical.Customer.class;
            case SIMPLEPIN -> element.equals("cc_profile_model") ? CCProfileV2Model.class : CCProfileApiV2Model.class;
            case SYNTCH -> element.equals("CustomerDetail") ? CustomerDetail.class : PostCustomer.class;
        };
    }

    private static void skip(XMLStreamReader reader) {
        try {
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new UnreadableFileException(new IOException(e.getMessage(), e));
        }
    }

    /** A record's identity: its content as JSON, the same on every drop of the same file. */
    private byte[] identity(Object document) {
        try {
            return codecs.json().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's structure broke part-way: the records after this point cannot be found. */
    public static final class UnreadableFileException extends RuntimeException {
        public UnreadableFileException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
