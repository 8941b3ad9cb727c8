package org.customergateway.dispatch;

/** The vendor answered "not now" (408, 429, 5xx): the attempt is redelivered while attempts remain. */
public class VendorNotNowException extends RuntimeException {

    private final transient VendorReply reply;

    public VendorNotNowException(VendorReply reply) {
        super(reply.describe(), null, false, false);
        this.reply = reply;
    }

    public VendorReply reply() {
        return reply;
    }
}
