package org.customergateway.syntch;

/**
 * What the Syntch mapping takes from configuration.
 *
 * @param merchantKey             used when the message carries none ({@code gateway.syntch.merchant-key})
 * @param defaultActivationStatus used when the source has no status, as a SimplePin request never does
 */
public record SyntchSettings(Integer merchantKey, ActivationStatus defaultActivationStatus) {
}
