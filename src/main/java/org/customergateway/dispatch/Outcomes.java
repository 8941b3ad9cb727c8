package org.customergateway.dispatch;

import java.util.List;
import org.customergateway.mapping.FieldMessage;

/** Builds the outcomes every vendor's creator shares: created, already there, rejected, failed. */
public final class Outcomes {

    private Outcomes() {
    }

    public static Outcome created(Vendor vendor, VendorReply reply, String vendorCustomerId, AttemptsMade attempts,
                                  List<String> warnings, Object answer) {
        return new Outcome(vendor.id(), OutcomeStatus.CREATED, reply.status(), vendorCustomerId, attempts.count(),
                warnings, List.of(), null, null, reply.bodyText(), answer, false);
    }

    /**
     * The vendor already has the customer. When an earlier attempt may have created it unseen, it is
     * ours: CREATED, with a warning that the vendor's id could not be read back.
     */
    public static Outcome existing(Vendor vendor, VendorReply reply, String vendorCustomerId, AttemptsMade attempts,
                                   List<String> warnings, Object answer) {
        OutcomeStatus status = attempts.mayHaveLanded() ? OutcomeStatus.CREATED : OutcomeStatus.ALREADY_EXISTS;
        return new Outcome(vendor.id(), status, reply.status(), vendorCustomerId, attempts.count(), warnings,
                List.of(), null, null, reply.bodyText(), answer, false);
    }

    public static Outcome rejected(Vendor vendor, VendorReply reply, AttemptsMade attempts, List<String> warnings,
                                   String message, List<FieldMessage> violations) {
        return new Outcome(vendor.id(), OutcomeStatus.REJECTED, reply.status(), null, attempts.count(), warnings,
                violations, vendor.schema().displayName() + " rejected the customer (HTTP " + reply.status() + "): "
                + message, null, reply.bodyText(), null, false);
    }

    public static Outcome failed(Vendor vendor, VendorReply reply, AttemptsMade attempts, List<String> warnings) {
        // the error is the cause only (the count is the outcome's attempts): letters that failed alike,
        // after however many attempts, are one group in the console
        return new Outcome(vendor.id(), OutcomeStatus.FAILED, reply.status() == 0 ? null : reply.status(), null,
                attempts.count(), warnings, List.of(), "gave up: " + reply.describe(), null,
                reply.status() == 0 ? null : reply.bodyText(), null, reply.failure() == VendorReply.Failure.TIMEOUT);
    }
}
