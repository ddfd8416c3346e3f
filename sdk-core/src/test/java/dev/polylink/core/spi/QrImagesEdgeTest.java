package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.TransportException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class QrImagesEdgeTest {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void theContentTypeDecidesEvenWhenTheBytesWouldNotTell() {
    byte[] doctype = "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"><svg/>".getBytes(StandardCharsets.UTF_8);
    QrCode svg = QrImages.read("p", ResponseBody.create(doctype, MediaType.get("image/svg+xml; charset=utf-8")));
    assertEquals(QrFormat.SVG, svg.format());
    QrCode png = QrImages.read("p", ResponseBody.create(new byte[] {1, 2, 3}, MediaType.get("IMAGE/PNG")));
    assertEquals(QrFormat.PNG, png.format());
    assertThrows(TransportException.class,
        () -> QrImages.read("p", ResponseBody.create(doctype, MediaType.get("text/html"))));
  }

  @Test
  void theBareEightByteSignatureIsAPng() {
    String b64 = Base64.getEncoder().encodeToString(SIGNATURE);
    assertEquals(Optional.of(QrCode.of(QrFormat.PNG, SIGNATURE)), QrImages.base64Png(b64));
    byte[] seven = java.util.Arrays.copyOf(SIGNATURE, 7);
    assertEquals(Optional.empty(), QrImages.base64Png(Base64.getEncoder().encodeToString(seven)));
  }
}
