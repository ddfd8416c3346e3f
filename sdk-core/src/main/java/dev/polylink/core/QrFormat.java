package dev.polylink.core;

/** The image formats a QR code can be asked for, portable across providers. */
public enum QrFormat {
  /** Scalable vector graphics, {@code image/svg+xml}. */
  SVG("image/svg+xml"),
  /** A PNG bitmap, {@code image/png}. */
  PNG("image/png");

  private final String mediaType;

  QrFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** {@return the media type a vendor labels this format with, e.g. {@code image/png}} */
  public String mediaType() {
    return mediaType;
  }

  /** {@return the lower-case name vendors use in their {@code format} parameter: {@code svg} or {@code png}} */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
