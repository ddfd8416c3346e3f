package dev.polylink.shortpen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/** {@link ShortpenOptions}' equality (EqualsVerifier on the generated class) and whole {@code toString()}. */
class ShortpenOptionsValueTest {
  private static final String LOGO =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  private static final String IMAGE = "R0lGODlhAQABAAAAACw=";

  @Test
  void everySettingTakesPartInEquality() {
    EqualsVerifier.forClass(ImmutableShortpenOptions.class).withNonnullFields("param").verify();
  }

  @Test
  void toStringShowsEverySettingAndTheImagesByLengthOnly() {
    Map<String, String> param = new LinkedHashMap<>();
    param.put("utm_source", "newsletter");
    param.put("utm_medium", "email");
    ShortpenOptions options = ShortpenOptions.builder()
        .domainId(3)
        .workspaceId(7)
        .folderId(12)
        .param(param)
        .generateQr(true)
        .trackingPixel(4)
        .linkCloak(false)
        .hideReferer(true)
        .qrColor(45, 151, 123)
        .uploadedLogo(LOGO)
        .socialShareTitle("Spring sale")
        .socialShareDescription("Everything at half price")
        .socialShareImage(IMAGE)
        .build();
    assertEquals(
        "ShortpenOptions{domainId=3, workspaceId=7, folderId=12, param={utm_source=newsletter,"
            + " utm_medium=email}, generateQr=true, tracking=true, pixelId=4, linkCloak=false,"
            + " hideReferer=true, qrColor=rgb(45, 151, 123), logo=UPLOADED, uploadedLogoData=<"
            + LOGO.length() + " base64 chars>, socialShareTitle=Spring sale, socialShareDescription=Everything"
            + " at half price, socialShareImageData=<" + IMAGE.length() + " base64 chars>}",
        options.toString());
    assertEquals("ShortpenOptions{tracking=false, logo=NONE}",
        ShortpenOptions.builder().trackingPixel(4).disableTracking().logo(QrLogoType.NONE).build().toString());
  }
}
