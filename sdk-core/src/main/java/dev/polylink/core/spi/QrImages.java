package dev.polylink.core.spi;

import dev.polylink.core.Operation;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/**
 * Reads the QR images vendors serve. The format is the response's {@code Content-Type} ({@code
 * image/svg+xml} or {@code image/png}); where that is missing or generic ({@code
 * application/octet-stream}) the bytes decide (the PNG signature, or text starting with {@code <svg}
 * or {@code <?xml}). Anything else is a {@link TransportException}: an image of unknown type is never
 * passed on as one.
 */
public final class QrImages {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private QrImages() {}

  /**
   * Reads and closes a successful binary response.
   * @param providerId the provider id
   * @param body the body
   * @return reads and closes a successful binary response
   */
  public static QrCode read(String providerId, ResponseBody body) {
    if (body == null) {
      throw new TransportException(providerId, Operation.QR_CODE, "the response had no body", null);
    }
    try (body) {
      MediaType type = body.contentType();
      byte[] bytes = body.bytes();
      Optional<QrFormat> format = type == null ? Optional.empty() : byMediaType(type.type() + "/" + type.subtype());
      return QrCode.of(format.or(() -> sniff(bytes)).orElseThrow(() -> new TransportException(providerId,
          Operation.QR_CODE, "the response is not an SVG or PNG image (Content-Type: " + type + ")", null)), bytes);
    } catch (IOException e) {
      throw new TransportException(providerId, Operation.QR_CODE, "IOException: " + e.getMessage(), e);
    }
  }

  /**
   * A PNG given as base64 text (ShortPen's {@code qr}), with or without a {@code data:image/png;base64,}
   * prefix; empty when the text is not base64 of a PNG.
   * @param text the text
   * @return the decoded PNG, or empty
   */
  public static Optional<QrCode> base64Png(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String payload = text.strip();
    int comma = payload.indexOf(',');
    if (payload.startsWith("data:")) {
      if (comma < 0 || !payload.substring(0, comma).toLowerCase(Locale.ROOT).contains(";base64")) {
        return Optional.empty();
      }
      payload = payload.substring(comma + 1);
    }
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(payload);
      return isPng(bytes) ? Optional.of(QrCode.of(QrFormat.PNG, bytes)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<QrFormat> byMediaType(String type) {
    for (QrFormat format : QrFormat.values()) {
      if (format.mediaType().equalsIgnoreCase(type)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  private static Optional<QrFormat> sniff(byte[] bytes) {
    if (isPng(bytes)) {
      return Optional.of(QrFormat.PNG);
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8).stripLeading();
    return head.startsWith("<svg") || head.startsWith("<?xml") ? Optional.of(QrFormat.SVG) : Optional.empty();
  }

  private static boolean isPng(byte[] bytes) {
    if (bytes.length < PNG_SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (bytes[i] != PNG_SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }
}
