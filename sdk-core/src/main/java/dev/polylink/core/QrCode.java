package dev.polylink.core;

import java.util.Arrays;
import java.util.Objects;

/** A QR image as the vendor served it: its bytes and format. Immutable; the bytes are copied. */
public final class QrCode {
  private final QrFormat format;
  private final byte[] bytes;

  private QrCode(QrFormat format, byte[] bytes) {
    this.format = Objects.requireNonNull(format, "format");
    this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  /**
   * A QR image of {@code format} holding a copy of {@code bytes}.
   * @param format the format
   * @param bytes the bytes
   * @return a QR image of {@code format} holding a copy of {@code bytes}
   */
  public static QrCode of(QrFormat format, byte[] bytes) {
    return new QrCode(format, bytes);
  }

  /** {@return the image format} */
  public QrFormat format() {
    return format;
  }

  /** {@return the media type of the image, e.g. {@code image/svg+xml}} */
  public String mediaType() {
    return format.mediaType();
  }

  /** {@return a copy of the image bytes, ready to write to a file or an HTTP response} */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@return the image's length in bytes} */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QrCode && ((QrCode) o).format == format && Arrays.equals(((QrCode) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + Arrays.hashCode(bytes);
  }

  /** The format and length only, e.g. {@code QrCode{format=PNG, length=1234}}. */
  @Override
  public String toString() {
    return "QrCode{format=" + format + ", length=" + bytes.length + "}";
  }
}
