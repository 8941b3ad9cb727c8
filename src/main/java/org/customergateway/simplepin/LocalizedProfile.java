package org.customergateway.simplepin;

/** A SimplePin create request with the {@code locale} query parameter it came with. */
public record LocalizedProfile(CCProfileApiV2Model profile, String locale) {
}
