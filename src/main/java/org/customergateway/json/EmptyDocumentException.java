package org.customergateway.json;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A body that reads as no document at all: JSON {@code null}, an empty XML root element. */
public final class EmptyDocumentException extends JsonProcessingException {

    public EmptyDocumentException() {
        super("the body holds no customer: it is null or an empty document");
    }
}
