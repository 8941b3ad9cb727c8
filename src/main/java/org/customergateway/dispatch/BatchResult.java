package org.customergateway.dispatch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to many customers at once (a CSV body): one entry per record, each with the status a
 * request of that record alone would have had, and its result or the reason it could not be read.
 */
public record BatchResult(String correlationId, List<RecordResult> records) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordResult(long record, int status, DispatchResult result, String error) {
    }

    /** The records' common status when they all agree, else 207. */
    @JsonIgnore
    public int httpStatus() {
        if (records.isEmpty()) {
            return 400;
        }
        int first = records.get(0).status();
        return records.stream().allMatch(r -> r.status() == first) ? first : 207;
    }
}
