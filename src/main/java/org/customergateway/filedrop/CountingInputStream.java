package org.customergateway.filedrop;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Reports how many bytes of a file have been read, for the progress of a long file. */
final class CountingInputStream extends FilterInputStream {

    private final LongConsumer onRead;
    private long count;

    CountingInputStream(InputStream in, LongConsumer onRead) {
        super(in);
        this.onRead = onRead;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            onRead.accept(++count);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            onRead.accept(count);
        }
        return n;
    }
}
