package dev.polylink.shortpen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole {@code toString()} of ShortPen's write body: the password is {@code ****}, images show their length. */
class LinkWriteBodyToStringTest {
  @Test
  void everyFieldIsShownWithThePasswordMaskedAndTheImagesByLength() {
    LinkWriteBody body = new LinkWriteBody();
    body.urlId = 501L;
    body.url = "https://example.com/a";
    body.domainId = 1L;
    body.workspaceId = 7L;
    body.title = "Spring";
    body.customSlug = "spring";
    body.folderId = 12L;
    body.param = Map.of("utm_source", "newsletter");
    body.generateQr = true;
    body.enableTracking = true;
    body.pixelId = 4L;
    body.redirectType = 301;
    body.linkCloak = false;
    body.hideReferer = true;
    body.withPassword = true;
    body.urlPassword = "hunter2-very-secret";
    body.r = 45;
    body.g = 151;
    body.b = 123;
    body.uploadedLogoType = "uploaded";
    body.uploadedLogoData = "R0lGODlhAQABAAAAACw=";
    body.socialShareTitle = "Spring sale";
    body.socialShareDescription = "Half price";
    body.socialShareImageData = "R0lGODlh";
    assertEquals(
        "LinkWriteBody{url_id=501, url=https://example.com/a, domain_id=1, workspace_id=7, title=Spring,"
            + " custom_slug=spring, folder_id=12, param={utm_source=newsletter}, generate_qr=true,"
            + " enable_tracking=true, pixel_id=4, redirect_type=301, link_cloak=false, hide_referer=true,"
            + " with_password=true, url_password=****, rgb=45/151/123, uploaded_logo_type=uploaded,"
            + " uploaded_logo_data=<20 chars>, social_share_title=Spring sale,"
            + " social_share_description=Half price, social_share_image_data=<8 chars>}",
        body.toString());
  }

  @Test
  void anEmptyBodyShowsEveryFieldAsNull() {
    assertEquals(
        "LinkWriteBody{url_id=null, url=null, domain_id=null, workspace_id=null, title=null, custom_slug=null,"
            + " folder_id=null, param=null, generate_qr=null, enable_tracking=null, pixel_id=null,"
            + " redirect_type=null, link_cloak=null, hide_referer=null, with_password=null, url_password=null,"
            + " rgb=null/null/null, uploaded_logo_type=null, uploaded_logo_data=null, social_share_title=null,"
            + " social_share_description=null, social_share_image_data=null}",
        new LinkWriteBody().toString());
  }
}
