package dev.polylink.core;

import org.immutables.value.Value;

/** A QR image as the vendor served it: its bytes and format. Immutable; the bytes are copied. */
@Value.Immutable
@ValueStyle
public abstract class QrCode {
  QrCode() {}

  /**
   * A QR image of {@code format} holding a copy of {@code bytes}.
   * @param format the format
   * @param bytes the bytes
   * @return a QR image of {@code format} holding a copy of {@code bytes}
   */
  public static QrCode of(QrFormat format, byte[] bytes) {
    return ImmutableQrCode.of(format, bytes);
  }

  /** {@return the image format} */
  @Value.Parameter
  public abstract QrFormat format();

  /** {@return a copy of the image bytes, ready to write to a file or an HTTP response} */
  @Value.Parameter
  public abstract byte[] bytes();

  /** {@return the media type of the image, e.g. {@code image/svg+xml}} */
  public String mediaType() {
    return format().mediaType();
  }

  /** {@return the image's length in bytes} */
  public int length() {
    return bytes().length;
  }

  /** The format and length only, e.g. {@code QrCode{format=PNG, length=1234}}. */
  @Override
  public String toString() {
    return "QrCode{format=" + format() + ", length=" + length() + "}";
  }
}
