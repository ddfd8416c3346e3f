package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@code POST /v1/generate} and {@code PUT /v1/links}. A field left {@code null} is not
 * sent (the shared mapper omits nulls): ShortPen keeps its current value on update. ShortPen has no
 * JSON-{@code null} "remove"; a password is removed with {@code with_password: false}.
 */
final class LinkWriteBody {
  @JsonProperty("url_id")
  Long urlId;

  @JsonProperty("url")
  String url;

  @JsonProperty("domain_id")
  Long domainId;

  @JsonProperty("workspace_id")
  Long workspaceId;

  @JsonProperty("title")
  String title;

  @JsonProperty("custom_slug")
  String customSlug;

  @JsonProperty("folder_id")
  Long folderId;

  @JsonProperty("param")
  Map<String, String> param;

  @JsonProperty("generate_qr")
  Boolean generateQr;

  @JsonProperty("enable_tracking")
  Boolean enableTracking;

  @JsonProperty("pixel_id")
  Long pixelId;

  @JsonProperty("redirect_type")
  Integer redirectType;

  @JsonProperty("link_cloak")
  Boolean linkCloak;

  @JsonProperty("hide_referer")
  Boolean hideReferer;

  @JsonProperty("with_password")
  Boolean withPassword;

  @JsonProperty("url_password")
  String urlPassword;

  @JsonProperty("r")
  Integer r;

  @JsonProperty("g")
  Integer g;

  @JsonProperty("b")
  Integer b;

  @JsonProperty("uploaded_logo_type")
  String uploadedLogoType;

  @JsonProperty("uploaded_logo_data")
  String uploadedLogoData;

  @JsonProperty("social_share_title")
  String socialShareTitle;

  @JsonProperty("social_share_description")
  String socialShareDescription;

  @JsonProperty("social_share_image_data")
  String socialShareImageData;

  /** The fields sent; the password is masked and images are shown by their length. */
  @Override
  public String toString() {
    return "LinkWriteBody{url_id=" + urlId + ", url=" + url + ", domain_id=" + domainId
        + ", workspace_id=" + workspaceId + ", title=" + title + ", custom_slug=" + customSlug
        + ", folder_id=" + folderId + ", param=" + param + ", generate_qr=" + generateQr
        + ", enable_tracking=" + enableTracking + ", pixel_id=" + pixelId
        + ", redirect_type=" + redirectType + ", link_cloak=" + linkCloak
        + ", hide_referer=" + hideReferer + ", with_password=" + withPassword
        + ", url_password=" + (urlPassword == null ? null : "****")
        + ", rgb=" + r + "/" + g + "/" + b + ", uploaded_logo_type=" + uploadedLogoType
        + ", uploaded_logo_data=" + length(uploadedLogoData)
        + ", social_share_title=" + socialShareTitle
        + ", social_share_description=" + socialShareDescription
        + ", social_share_image_data=" + length(socialShareImageData) + "}";
  }

  private static String length(String data) {
    return data == null ? null : "<" + data.length() + " chars>";
  }
}
