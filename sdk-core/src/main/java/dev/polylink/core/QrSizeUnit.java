package dev.polylink.core;

/**
 * What a provider's QR {@code size} counts. Vendors do not agree, so {@link QrOptions#size()} is
 * passed in the provider's own unit and never converted: a conversion would need the number of
 * modules of a code, which only the vendor knows.
 */
public enum QrSizeUnit {
  /** The width and height of the image in pixels (SnipURL: 100 to 1000). */
  PIXELS,
  /** The pixels per QR module, a multiplier of the code's own size (xQR: 1 to 50). */
  PIXELS_PER_MODULE
}
