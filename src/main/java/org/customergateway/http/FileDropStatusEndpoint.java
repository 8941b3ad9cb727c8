package org.customergateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Message;
import org.customergateway.filedrop.FileDropStatus;
import org.customergateway.json.Codecs;

/** {@code GET /api/v1/filedrop/status}: the files being read (records, rate, time left) and the last finished. */
public final class FileDropStatusEndpoint {

    private final FileDropStatus status;
    private final Codecs codecs;

    public FileDropStatusEndpoint(FileDropStatus status, Codecs codecs) {
        this.status = status;
        this.codecs = codecs;
    }

    public void status(Message message) throws JsonProcessingException {
        HttpReply.write(message, 200, "application/json", codecs.json(), status.snapshot());
    }
}
