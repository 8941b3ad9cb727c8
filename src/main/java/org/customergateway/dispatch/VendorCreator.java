package org.customergateway.dispatch;

import org.customergateway.translation.Translation;

/** Creates one customer at one vendor, by that vendor's protocol, with the gateway's retry policy. */
public interface VendorCreator {

    Vendor vendor();

    /**
     * @param translation the customer already mapped to and validated for this vendor
     * @return the outcome, with the vendor's raw answer in {@code vendorResponse}
     */
    Outcome create(Translation translation, String correlationId);
}
