package dev.polylink.shortpen;

/**
 * Which logo ShortPen embeds in the QR codes it generates for a link (its {@code
 * uploaded_logo_type}).
 */
public enum QrLogoType {
  /** No logo ({@code none}, ShortPen's default). */
  NONE("none"),
  /** The organization's custom logo ({@code custom}). */
  CUSTOM("custom"),
  /**
   * An image sent with the request as base64 ({@code uploaded}); set it with {@link
   * ShortpenOptions.Builder#uploadedLogo(String)}.
   */
  UPLOADED("uploaded");

  private final String wireValue;

  QrLogoType(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * {@return the value ShortPen expects in {@code uploaded_logo_type}: {@code none}, {@code custom}
   * or {@code uploaded}}
   */
  public String wireValue() {
    return wireValue;
  }
}
