package dev.polylink.shortpen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RequestValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link ShortpenOptions}: validation, value semantics and a toString without image data. */
class ShortpenOptionsTest {
  private static final String LOGO = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  private static ShortpenOptions full() {
    return ShortpenOptions.builder()
        .domainId(1)
        .workspaceId(2)
        .folderId(3)
        .param("utm_source", "newsletter")
        .generateQr(true)
        .trackingPixel(4)
        .linkCloak(true)
        .hideReferer(true)
        .qrColor(45, 151, 123)
        .uploadedLogo(LOGO)
        .socialShareTitle("Title")
        .socialShareDescription("Description")
        .socialShareImage(LOGO)
        .build();
  }

  @Test
  void everySettingIsReadBack() {
    ShortpenOptions o = full();
    assertEquals("shortpen", o.providerId());
    assertEquals(OptionalLong.of(1), o.domainId());
    assertEquals(OptionalLong.of(2), o.workspaceId());
    assertEquals(OptionalLong.of(3), o.folderId());
    assertEquals(Map.of("utm_source", "newsletter"), o.param());
    assertEquals(Optional.of(true), o.generateQr());
    assertEquals(Optional.of(true), o.tracking());
    assertEquals(OptionalLong.of(4), o.pixelId());
    assertEquals(Optional.of(true), o.linkCloak());
    assertEquals(Optional.of(true), o.hideReferer());
    assertEquals(OptionalInt.of(45), o.qrRed());
    assertEquals(OptionalInt.of(151), o.qrGreen());
    assertEquals(OptionalInt.of(123), o.qrBlue());
    assertEquals(Optional.of(QrLogoType.UPLOADED), o.logo());
    assertEquals(Optional.of(LOGO), o.uploadedLogoData());
    assertEquals(Optional.of("Title"), o.socialShareTitle());
    assertEquals(Optional.of("Description"), o.socialShareDescription());
    assertEquals(Optional.of(LOGO), o.socialShareImageData());
  }

  @Test
  void nothingSetReadsEmpty() {
    ShortpenOptions o = ShortpenOptions.builder().build();
    assertEquals(OptionalLong.empty(), o.domainId());
    assertEquals(Map.of(), o.param());
    assertEquals(Optional.empty(), o.tracking());
    assertEquals(OptionalInt.empty(), o.qrRed());
    assertEquals(Optional.empty(), o.logo());
    assertEquals("ShortpenOptions{}", o.toString());
  }

  @Test
  void valueEqualityAndToBuilderRoundTrip() {
    assertEquals(full(), full());
    assertEquals(full().hashCode(), full().hashCode());
    assertEquals(full(), full().toBuilder().build());
    assertNotEquals(full(), full().toBuilder().folderId(99).build());
    assertNotEquals(full(), full().toBuilder().param("utm_medium", "email").build());
  }

  /** Each setting, changed alone, makes the options unequal: none is left out of equals or hashCode. */
  @Test
  void everySettingTakesPartInEquality() {
    String other = "R0lGODlhAQABAAAAACw=";
    List<UnaryOperator<ShortpenOptions.Builder>> changes = List.of(
        b -> b.domainId(11),
        b -> b.workspaceId(12),
        b -> b.folderId(13),
        b -> b.param(Map.of("utm_source", "mail")),
        b -> b.generateQr(false),
        b -> b.trackingPixel(14),
        b -> b.disableTracking(),
        b -> b.linkCloak(false),
        b -> b.hideReferer(false),
        b -> b.qrColor(46, 151, 123),
        b -> b.qrColor(45, 152, 123),
        b -> b.qrColor(45, 151, 124),
        b -> b.uploadedLogo(other),
        b -> b.socialShareTitle("Other title"),
        b -> b.socialShareDescription("Other description"),
        b -> b.socialShareImage(other));
    ShortpenOptions base = full();
    for (int i = 0; i < changes.size(); i++) {
      ShortpenOptions changed = changes.get(i).apply(base.toBuilder()).build();
      assertNotEquals(base, changed, "change #" + i);
      assertNotEquals(base.hashCode(), changed.hashCode(), "change #" + i);
    }
    ShortpenOptions none = ShortpenOptions.builder().logo(QrLogoType.NONE).build();
    ShortpenOptions custom = ShortpenOptions.builder().logo(QrLogoType.CUSTOM).build();
    assertNotEquals(none, custom);
    assertNotEquals(none.hashCode(), custom.hashCode());
  }

  @Test
  void theParamMapIsCopiedAndImmutable() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("a", "1");
    ShortpenOptions o = ShortpenOptions.builder().param(source).build();
    source.put("b", "2");
    assertEquals(Map.of("a", "1"), o.param());
    assertThrows(UnsupportedOperationException.class, () -> o.param().put("c", "3"));
  }

  @Test
  void toStringShowsImagesByLengthOnly() {
    String text = full().toString();
    assertFalse(text.contains(LOGO), text);
    assertTrue(text.contains("uploadedLogoData=<" + LOGO.length() + " base64 chars>"), text);
    assertTrue(text.contains("qrColor=rgb(45, 151, 123)"), text);
    assertTrue(text.contains("pixelId=4"), text);
  }

  @Test
  void disableTrackingDropsThePixel() {
    ShortpenOptions o = ShortpenOptions.builder().trackingPixel(4).disableTracking().build();
    assertEquals(Optional.of(false), o.tracking());
    assertEquals(OptionalLong.empty(), o.pixelId());
  }

  @Test
  void everyBrokenRuleIsNamedAtOnce() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> ShortpenOptions.builder()
            .domainId(0)
            .workspaceId(-1)
            .folderId(0)
            .trackingPixel(0)
            .param(" ", "x")
            .qrColor(-1, 256, 255)
            .socialShareTitle(" ")
            .socialShareDescription("")
            .socialShareImage("not base64!")
            .build());
    assertEquals("shortpen", e.providerId());
    assertEquals(List.of(
            "domainId: must be a positive integer (was 0)",
            "workspaceId: must be a positive integer (was -1)",
            "folderId: must be a positive integer (was 0)",
            "pixelId: must be a positive integer (was 0)",
            "param: parameter names must not be blank",
            "qrColor.red: must be between 0 and 255 (was -1)",
            "qrColor.green: must be between 0 and 255 (was 256)",
            "socialShareImageData: must be non-empty base64 (RFC 4648, no data: prefix; was 11 characters)",
            "socialShareTitle: must not be blank",
            "socialShareDescription: must not be blank"),
        e.violations());
  }

  @Test
  void anUploadedLogoNeedsItsData() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> ShortpenOptions.builder().logo(QrLogoType.UPLOADED).build());
    assertEquals(List.of("uploadedLogoData: is required when the logo is UPLOADED (use uploadedLogo(base64))"),
        e.violations());
  }

  @Test
  void logoDataIsOnlyAllowedWithAnUploadedLogo() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> ShortpenOptions.builder().uploadedLogo(LOGO).logo(QrLogoType.NONE).build());
    assertEquals(List.of("uploadedLogoData: only allowed when the logo is UPLOADED (was NONE)"), e.violations());
  }

  @Test
  void logoDataMustBeBase64() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> ShortpenOptions.builder().uploadedLogo("data:image/png;base64,AAAA").build());
    assertEquals(List.of("uploadedLogoData: must be non-empty base64 (RFC 4648, no data: prefix; was 26 characters)"),
        e.violations());
  }

  @Test
  void channelBoundsAreInclusive() {
    ShortpenOptions o = ShortpenOptions.builder().qrColor(0, 255, 0).build();
    assertEquals(OptionalInt.of(255), o.qrGreen());
  }

  @Test
  void eachChannelOutsideItsBoundsIsNamed() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> ShortpenOptions.builder().qrColor(256, -1, 300).build());
    assertEquals(List.of("qrColor.red: must be between 0 and 255 (was 256)",
        "qrColor.green: must be between 0 and 255 (was -1)", "qrColor.blue: must be between 0 and 255 (was 300)"),
        e.violations());
  }

  @Test
  void nullsAreNullPointerExceptions() {
    ShortpenOptions.Builder b = ShortpenOptions.builder();
    assertThrows(NullPointerException.class, () -> b.param(null));
    assertThrows(NullPointerException.class, () -> b.param("a", null));
    assertThrows(NullPointerException.class, () -> b.logo(null));
    assertThrows(NullPointerException.class, () -> b.uploadedLogo(null));
    assertThrows(NullPointerException.class, () -> b.socialShareTitle(null));
  }

  @Test
  void logoTypesUseShortpensWireValues() {
    assertEquals("none", QrLogoType.NONE.wireValue());
    assertEquals("custom", QrLogoType.CUSTOM.wireValue());
    assertEquals("uploaded", QrLogoType.UPLOADED.wireValue());
  }
}
