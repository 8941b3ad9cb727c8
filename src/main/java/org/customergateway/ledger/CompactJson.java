package org.customergateway.ledger;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The JSON documents the ledger keeps (a result to replay, a customer to answer a look-up with),
 * compressed with zstd against a preset dictionary of the gateway's own field names and warnings, then
 * Base64: text, so that it fits the same TEXT column on SQLite and PostgreSQL. The dictionary keeps
 * README.md's 1 KB per customer (LedgerSizeHttpTest); zstd costs a third of what deflate did for the same
 * documents (profiled: deflate and its dictionary took 7 % of an HTTP create's CPU, BENCHMARKS.md
 * session 8). Values written before stay readable: deflate ({@code z:}) and plain JSON.
 */
final class CompactJson {

    /** zstd, the dictionary below. */
    private static final String MARK = "s:";
    /** Raw deflate against the same dictionary, as written before session 8. */
    private static final String DEFLATED = "z:";
    /** zstd's default level: at these sizes it costs no more than level 1 and packs a little tighter. */
    private static final int LEVEL = 3;
    private static final byte[] DICTIONARY = ("{\"customerId\":\"\",\"name\":\"\",\"status\":\"ACTIVE\",\"since\":\"\","
            + "\"locale\":\"en\",\"merchantKey\":,\"contact\":{\"firstName\":\"\",\"lastName\":\"\",\"jobTitle\":\"\","
            + "\"department\":\"\",\"email\":\"\",\"phone\":\"+1 \",\"eveningPhone\":\"\",\"mobile\":\"+1 \",\"fax\":\"\"},"
            + "\"shippingAddress\":{\"lines\":[\"\",\"\"],\"city\":\"\",\"region\":\"\",\"postalCode\":\"\",\"country\":\"CAN\"},"
            + "\"billingAddress\":{\"lines\":[\"\"],\"city\":\"\",\"region\":\"\",\"postalCode\":\"\",\"country\":\"USA\"},"
            + "\"contracts\":[{\"id\":,\"name\":\"\"}]}{\"correlationId\":\"\",\"customerId\":\"\",\"replayed\":false,"
            + "\"outcomes\":[{\"vendor\":\"syntch\",\"status\":\"CREATED\",\"httpStatus\":200,\"vendorCustomerId\":\"\","
            + "\"attempts\":1,\"warnings\":[\"since: no place in Syntch, dropped\",\"locale: no place in Syntch, dropped\","
            + "\"contracts: no place in Syntch, dropped\"],\"error\":null,\"deadLetterId\":null},{\"vendor\":\"simplepin\","
            + "\"status\":\"CREATED\",\"httpStatus\":201,\"warnings\":[\"status: no place in SimplePin, dropped\","
            + "\"merchantKey: no place in SimplePin, dropped\",\"contact.firstName: no place in SimplePin, dropped\","
            + "\"contact.lastName: no place in SimplePin, dropped\",\"contact.jobTitle: no place in SimplePin, dropped\","
            + "\"contact.department: no place in SimplePin, dropped\"]}]}").getBytes(StandardCharsets.UTF_8);

    private CompactJson() {
    }

    /** The dictionary digested once; a context per thread, because a context is not thread-safe. */
    private static final ZstdDictCompress PACKING = new ZstdDictCompress(DICTIONARY, LEVEL);
    private static final ZstdDictDecompress UNPACKING = new ZstdDictDecompress(DICTIONARY);
    private static final ThreadLocal<ZstdCompressCtx> PACKERS = ThreadLocal.withInitial(() -> {
        ZstdCompressCtx packer = new ZstdCompressCtx();
        packer.loadDict(PACKING);
        // what the format would add for a stranger: the ledger knows the dictionary, and a checksum
        packer.setDictID(false);
        packer.setChecksum(false);
        return packer;
    });
    private static final ThreadLocal<ZstdDecompressCtx> UNPACKERS = ThreadLocal.withInitial(() -> {
        ZstdDecompressCtx unpacker = new ZstdDecompressCtx();
        unpacker.loadDict(UNPACKING);
        return unpacker;
    });

    static String pack(byte[] json) {
        return MARK + Base64.getEncoder().withoutPadding().encodeToString(PACKERS.get().compress(json));
    }

    static String unpack(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(MARK)) {
            try {
                byte[] packed = Base64.getDecoder().decode(stored.substring(MARK.length()));
                long size = Zstd.getFrameContentSize(packed);
                if (size < 0 || size > Integer.MAX_VALUE) {
                    throw new IllegalStateException("a ledger document cannot be read back: its frame has no size");
                }
                return new String(UNPACKERS.get().decompress(packed, (int) size), StandardCharsets.UTF_8);
            } catch (ZstdException | IllegalArgumentException e) {
                throw new IllegalStateException("a ledger document cannot be read back: " + e.getMessage(), e);
            }
        }
        return stored.startsWith(DEFLATED) ? inflate(stored.substring(DEFLATED.length())) : stored;
    }

    private static String inflate(String stored) {
        Inflater inflater = new Inflater(true);
        try {
            // raw deflate carries no dictionary id: the dictionary is set before the first byte
            inflater.setDictionary(DICTIONARY);
            inflater.setInput(Base64.getDecoder().decode(stored));
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length() * 3);
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a ledger document ends early");
                }
                out.write(buffer, 0, read);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a ledger document cannot be read back: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
