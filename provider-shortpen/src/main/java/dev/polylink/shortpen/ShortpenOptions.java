package dev.polylink.shortpen;

import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RequestValidationException;
import dev.polylink.shortpen.internal.PositiveIds;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * ShortPen's settings beyond the unified model, for {@code CreateLinkRequest.builder().options(...)}
 * and {@code LinkPatch.builder().options(...)}. Immutable, with value equality; every setting is
 * optional and only the ones set are sent.
 *
 * <pre>{@code
 * ShortpenOptions options = ShortpenOptions.builder()
 *     .folderId(12)
 *     .param("utm_source", "newsletter")
 *     .generateQr(true)
 *     .qrColor(45, 151, 123)
 *     .build();
 * }</pre>
 *
 * <p>On create, {@link Builder#domainId} and {@link Builder#workspaceId} override the client's
 * defaults. On update, they move the link to that domain or workspace; the client's defaults are
 * never sent on update.
 */
public final class ShortpenOptions implements ProviderOptions {
  private static final int MAX_CHANNEL = 255;

  private final Long domainId;
  private final Long workspaceId;
  private final Long folderId;
  private final Map<String, String> param;
  private final Boolean generateQr;
  private final Boolean tracking;
  private final Long pixelId;
  private final Boolean linkCloak;
  private final Boolean hideReferer;
  private final Integer qrRed;
  private final Integer qrGreen;
  private final Integer qrBlue;
  private final QrLogoType logo;
  private final String uploadedLogoData;
  private final String socialShareTitle;
  private final String socialShareDescription;
  private final String socialShareImageData;

  private ShortpenOptions(Builder b) {
    this.domainId = b.domainId;
    this.workspaceId = b.workspaceId;
    this.folderId = b.folderId;
    this.param = Collections.unmodifiableMap(new LinkedHashMap<>(b.param));
    this.generateQr = b.generateQr;
    this.tracking = b.tracking;
    this.pixelId = b.pixelId;
    this.linkCloak = b.linkCloak;
    this.hideReferer = b.hideReferer;
    this.qrRed = b.qrRed;
    this.qrGreen = b.qrGreen;
    this.qrBlue = b.qrBlue;
    this.logo = b.logo;
    this.uploadedLogoData = b.uploadedLogoData;
    this.socialShareTitle = b.socialShareTitle;
    this.socialShareDescription = b.socialShareDescription;
    this.socialShareImageData = b.socialShareImageData;
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options' values.
   *
   * @return a new builder holding this value's fields
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.domainId = domainId;
    b.workspaceId = workspaceId;
    b.folderId = folderId;
    b.param.putAll(param);
    b.generateQr = generateQr;
    b.tracking = tracking;
    b.pixelId = pixelId;
    b.linkCloak = linkCloak;
    b.hideReferer = hideReferer;
    b.qrRed = qrRed;
    b.qrGreen = qrGreen;
    b.qrBlue = qrBlue;
    b.logo = logo;
    b.uploadedLogoData = uploadedLogoData;
    b.socialShareTitle = socialShareTitle;
    b.socialShareDescription = socialShareDescription;
    b.socialShareImageData = socialShareImageData;
    return b;
  }

  /** Always {@code "shortpen"}. */
  @Override
  public String providerId() {
    return ShortpenClient.PROVIDER_ID;
  }

  /**
   * {@code domain_id}: the domain hosting the link.
   *
   * @return the domain id; empty when not set
   */
  public OptionalLong domainId() {
    return optional(domainId);
  }

  /**
   * {@code workspace_id}: the workspace of the link.
   *
   * @return the workspace id; empty when not set
   */
  public OptionalLong workspaceId() {
    return optional(workspaceId);
  }

  /**
   * {@code folder_id}: the folder the link is put in.
   *
   * @return the folder id; empty when not set
   */
  public OptionalLong folderId() {
    return optional(folderId);
  }

  /**
   * {@code param}: query parameters ShortPen appends to the destination; empty when not sent.
   *
   * @return the query parameters; empty when none are sent
   */
  public Map<String, String> param() {
    return param;
  }

  /**
   * {@code generate_qr}: whether ShortPen generates (or regenerates) a QR code.
   *
   * @return whether a QR code is generated; empty when not sent
   */
  public Optional<Boolean> generateQr() {
    return Optional.ofNullable(generateQr);
  }

  /**
   * {@code enable_tracking}: true with a {@link #pixelId()}, false after {@link Builder#disableTracking()}.
   *
   * @return whether tracking is on; empty when not sent
   */
  public Optional<Boolean> tracking() {
    return Optional.ofNullable(tracking);
  }

  /**
   * {@code pixel_id}: the tracking pixel, set together with {@link #tracking()}.
   *
   * @return the pixel id; empty when not set
   */
  public OptionalLong pixelId() {
    return optional(pixelId);
  }

  /**
   * {@code link_cloak}: whether the destination is cloaked.
   *
   * @return whether the destination is cloaked; empty when not sent
   */
  public Optional<Boolean> linkCloak() {
    return Optional.ofNullable(linkCloak);
  }

  /**
   * {@code hide_referer}: whether the referrer header is removed for visitors.
   *
   * @return whether the referrer is hidden; empty when not sent
   */
  public Optional<Boolean> hideReferer() {
    return Optional.ofNullable(hideReferer);
  }

  /**
   * {@code r}: the QR code's red channel, 0 to 255.
   *
   * @return the red channel; empty when not set
   */
  public OptionalInt qrRed() {
    return optional(qrRed);
  }

  /**
   * {@code g}: the QR code's green channel, 0 to 255.
   *
   * @return the green channel; empty when not set
   */
  public OptionalInt qrGreen() {
    return optional(qrGreen);
  }

  /**
   * {@code b}: the QR code's blue channel, 0 to 255.
   *
   * @return the blue channel; empty when not set
   */
  public OptionalInt qrBlue() {
    return optional(qrBlue);
  }

  /**
   * {@code uploaded_logo_type}: the logo embedded in QR codes.
   *
   * @return the logo type; empty when not set
   */
  public Optional<QrLogoType> logo() {
    return Optional.ofNullable(logo);
  }

  /**
   * {@code uploaded_logo_data}: the base64 image of an {@link QrLogoType#UPLOADED} logo.
   *
   * @return the base64 logo; empty when not set
   */
  public Optional<String> uploadedLogoData() {
    return Optional.ofNullable(uploadedLogoData);
  }

  /**
   * {@code social_share_title}: the OpenGraph title of social previews.
   *
   * @return the title; empty when not set
   */
  public Optional<String> socialShareTitle() {
    return Optional.ofNullable(socialShareTitle);
  }

  /**
   * {@code social_share_description}: the OpenGraph description of social previews.
   *
   * @return the description; empty when not set
   */
  public Optional<String> socialShareDescription() {
    return Optional.ofNullable(socialShareDescription);
  }

  /**
   * {@code social_share_image_data}: the base64 image of social previews.
   *
   * @return the base64 image; empty when not set
   */
  public Optional<String> socialShareImageData() {
    return Optional.ofNullable(socialShareImageData);
  }

  /** Equal when every setting is equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ShortpenOptions)) {
      return false;
    }
    ShortpenOptions x = (ShortpenOptions) o;
    return Objects.equals(domainId, x.domainId)
        && Objects.equals(workspaceId, x.workspaceId)
        && Objects.equals(folderId, x.folderId)
        && param.equals(x.param)
        && Objects.equals(generateQr, x.generateQr)
        && Objects.equals(tracking, x.tracking)
        && Objects.equals(pixelId, x.pixelId)
        && Objects.equals(linkCloak, x.linkCloak)
        && Objects.equals(hideReferer, x.hideReferer)
        && Objects.equals(qrRed, x.qrRed)
        && Objects.equals(qrGreen, x.qrGreen)
        && Objects.equals(qrBlue, x.qrBlue)
        && logo == x.logo
        && Objects.equals(uploadedLogoData, x.uploadedLogoData)
        && Objects.equals(socialShareTitle, x.socialShareTitle)
        && Objects.equals(socialShareDescription, x.socialShareDescription)
        && Objects.equals(socialShareImageData, x.socialShareImageData);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(
        domainId, workspaceId, folderId, param, generateQr, tracking, pixelId, linkCloak,
        hideReferer, qrRed, qrGreen, qrBlue, logo, uploadedLogoData, socialShareTitle,
        socialShareDescription, socialShareImageData);
  }

  /** The settings given; base64 images are shown by their length only. */
  @Override
  public String toString() {
    StringJoiner sb = new StringJoiner(", ", "ShortpenOptions{", "}");
    add(sb, "domainId", domainId);
    add(sb, "workspaceId", workspaceId);
    add(sb, "folderId", folderId);
    add(sb, "param", param.isEmpty() ? null : param);
    add(sb, "generateQr", generateQr);
    add(sb, "tracking", tracking);
    add(sb, "pixelId", pixelId);
    add(sb, "linkCloak", linkCloak);
    add(sb, "hideReferer", hideReferer);
    add(sb, "qrColor", qrRed == null ? null : "rgb(" + qrRed + ", " + qrGreen + ", " + qrBlue + ")");
    add(sb, "logo", logo);
    add(sb, "uploadedLogoData", base64Summary(uploadedLogoData));
    add(sb, "socialShareTitle", socialShareTitle);
    add(sb, "socialShareDescription", socialShareDescription);
    add(sb, "socialShareImageData", base64Summary(socialShareImageData));
    return sb.toString();
  }

  private static void add(StringJoiner sb, String name, Object value) {
    if (value != null) {
      sb.add(name + "=" + value);
    }
  }

  private static String base64Summary(String data) {
    return data == null ? null : "<" + data.length() + " base64 chars>";
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /**
   * Builds {@link ShortpenOptions}. A {@code null} argument is a {@link NullPointerException};
   * {@link #build()} checks every rule at once and names each broken one in a {@link
   * RequestValidationException}: ids are positive, colour channels lie in 0 to 255, parameter names
   * are not blank, an {@link QrLogoType#UPLOADED} logo comes with its data and logo data only with
   * {@code UPLOADED}, images are base64, texts are not blank.
   */
  public static final class Builder {
    private Long domainId;
    private Long workspaceId;
    private Long folderId;
    private final Map<String, String> param = new LinkedHashMap<>();
    private Boolean generateQr;
    private Boolean tracking;
    private Long pixelId;
    private Boolean linkCloak;
    private Boolean hideReferer;
    private Integer qrRed;
    private Integer qrGreen;
    private Integer qrBlue;
    private QrLogoType logo;
    private String uploadedLogoData;
    private String socialShareTitle;
    private String socialShareDescription;
    private String socialShareImageData;

    private Builder() {}

    /**
     * The domain hosting the link ({@code domain_id}). On create it overrides the client's default
     * domain (and must agree with {@code CreateLinkRequest.domain()} when both are given); on update
     * it moves the link to that domain.
     *
     * @param domainId the domain hosting the link ({@code domain_id})
     * @return this builder
     */
    public Builder domainId(long domainId) {
      this.domainId = domainId;
      return this;
    }

    /**
     * The workspace ({@code workspace_id}); on create it overrides the client's workspace.
     *
     * @param workspaceId the workspace ({@code workspace_id}); on create it overrides the client's
     *     workspace
     * @return this builder
     */
    public Builder workspaceId(long workspaceId) {
      this.workspaceId = workspaceId;
      return this;
    }

    /**
     * The folder to put the link in ({@code folder_id}).
     *
     * @param folderId the folder to put the link in ({@code folder_id})
     * @return this builder
     */
    public Builder folderId(long folderId) {
      this.folderId = folderId;
      return this;
    }

    /**
     * Replaces the query parameters ShortPen appends to the destination ({@code param}, e.g. UTM
     * tags). ShortPen strips parameters with empty values.
     *
     * @param param replaces the query parameters ShortPen appends to the destination ({@code
     *     param}, e.g. UTM tags)
     * @return this builder
     */
    public Builder param(Map<String, String> param) {
      Objects.requireNonNull(param, "param");
      Map<String, String> copy = new LinkedHashMap<>();
      param.forEach((name, value) ->
          copy.put(Objects.requireNonNull(name, "param name"), Objects.requireNonNull(value, "param value")));
      this.param.clear();
      this.param.putAll(copy);
      return this;
    }

    /**
     * Adds one query parameter appended to the destination.
     *
     * @param name the name of the field, for the message
     * @param value the parameter's value
     * @return this builder
     */
    public Builder param(String name, String value) {
      this.param.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Whether ShortPen generates (or, on update, regenerates) a QR code ({@code generate_qr}).
     *
     * @param generateQr whether ShortPen generates (or, on update, regenerates) a QR code ({@code
     *     generate_qr})
     * @return this builder
     */
    public Builder generateQr(boolean generateQr) {
      this.generateQr = generateQr;
      return this;
    }

    /**
     * Associates the link with a tracking pixel: sends {@code enable_tracking: true} and {@code
     * pixel_id}. ShortPen requires the pixel with tracking, so the two are set together.
     *
     * @param pixelId the value
     * @return this builder
     */
    public Builder trackingPixel(long pixelId) {
      this.tracking = true;
      this.pixelId = pixelId;
      return this;
    }

    /**
     * Turns tracking off: sends {@code enable_tracking: false} and no pixel.
     *
     * @return this builder
     */
    public Builder disableTracking() {
      this.tracking = false;
      this.pixelId = null;
      return this;
    }

    /**
     * Whether the destination URL is cloaked ({@code link_cloak}).
     *
     * @param linkCloak whether the destination URL is cloaked ({@code link_cloak})
     * @return this builder
     */
    public Builder linkCloak(boolean linkCloak) {
      this.linkCloak = linkCloak;
      return this;
    }

    /**
     * Whether the referrer header is removed for visitors ({@code hide_referer}).
     *
     * @param hideReferer whether the referrer header is removed for visitors ({@code hide_referer})
     * @return this builder
     */
    public Builder hideReferer(boolean hideReferer) {
      this.hideReferer = hideReferer;
      return this;
    }

    /**
     * The QR code's colour ({@code r}, {@code g}, {@code b}), each channel 0 to 255.
     *
     * @param red the red channel, 0 to 255
     * @param green the green channel, 0 to 255
     * @param blue the blue channel, 0 to 255
     * @return this builder
     */
    public Builder qrColor(int red, int green, int blue) {
      this.qrRed = red;
      this.qrGreen = green;
      this.qrBlue = blue;
      return this;
    }

    /**
     * The logo embedded in QR codes ({@code uploaded_logo_type}). {@link QrLogoType#UPLOADED} needs
     * its image: prefer {@link #uploadedLogo(String)}, which sets both.
     *
     * @param logo the logo embedded in QR codes ({@code uploaded_logo_type})
     * @return this builder
     */
    public Builder logo(QrLogoType logo) {
      this.logo = Objects.requireNonNull(logo, "logo");
      return this;
    }

    /**
     * An uploaded logo: sends {@code uploaded_logo_type: "uploaded"} and {@code uploaded_logo_data}.
     *
     * @param base64 the image, base64-encoded (RFC 4648, no {@code data:} prefix)
     * @return this builder
     */
    public Builder uploadedLogo(String base64) {
      this.logo = QrLogoType.UPLOADED;
      this.uploadedLogoData = Objects.requireNonNull(base64, "base64");
      return this;
    }

    /**
     * The OpenGraph title of social previews ({@code social_share_title}).
     *
     * @param title the value
     * @return this builder
     */
    public Builder socialShareTitle(String title) {
      this.socialShareTitle = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * The OpenGraph description of social previews ({@code social_share_description}).
     *
     * @param description the value
     * @return this builder
     */
    public Builder socialShareDescription(String description) {
      this.socialShareDescription = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * The image of social previews ({@code social_share_image_data}).
     *
     * @param base64 the image, base64-encoded (RFC 4648, no {@code data:} prefix)
     * @return this builder
     */
    public Builder socialShareImage(String base64) {
      this.socialShareImageData = Objects.requireNonNull(base64, "base64");
      return this;
    }

    /**
     * Checks every rule and builds the options.
     *
     * @return the options
     * @throws RequestValidationException naming every broken rule
     */
    public ShortpenOptions build() {
      List<String> violations = new ArrayList<>();
      positive(violations, "domainId", domainId);
      positive(violations, "workspaceId", workspaceId);
      positive(violations, "folderId", folderId);
      positive(violations, "pixelId", pixelId);
      if (param.keySet().stream().anyMatch(String::isBlank)) {
        violations.add("param: parameter names must not be blank");
      }
      channel(violations, "qrColor.red", qrRed);
      channel(violations, "qrColor.green", qrGreen);
      channel(violations, "qrColor.blue", qrBlue);
      if (logo == QrLogoType.UPLOADED && uploadedLogoData == null) {
        violations.add("uploadedLogoData: is required when the logo is UPLOADED (use uploadedLogo(base64))");
      }
      if (uploadedLogoData != null && logo != QrLogoType.UPLOADED) {
        violations.add("uploadedLogoData: only allowed when the logo is UPLOADED (was " + logo + ")");
      }
      base64(violations, "uploadedLogoData", uploadedLogoData);
      base64(violations, "socialShareImageData", socialShareImageData);
      notBlank(violations, "socialShareTitle", socialShareTitle);
      notBlank(violations, "socialShareDescription", socialShareDescription);
      if (!violations.isEmpty()) {
        throw new RequestValidationException(ShortpenClient.PROVIDER_ID, violations);
      }
      return new ShortpenOptions(this);
    }

    private static void positive(List<String> violations, String field, Long value) {
      if (value != null) {
        PositiveIds.violation(field, value).ifPresent(violations::add);
      }
    }

    private static void channel(List<String> violations, String field, Integer value) {
      if (value != null && (value < 0 || value > MAX_CHANNEL)) {
        violations.add(field + ": must be between 0 and " + MAX_CHANNEL + " (was " + value + ")");
      }
    }

    private static void base64(List<String> violations, String field, String value) {
      if (value == null) {
        return;
      }
      boolean valid = !value.isEmpty();
      if (valid) {
        try {
          Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
          valid = false;
        }
      }
      if (!valid) {
        violations.add(field + ": must be non-empty base64 (RFC 4648, no data: prefix; was "
            + value.length() + " characters)");
      }
    }

    private static void notBlank(List<String> violations, String field, String value) {
      if (value != null && value.isBlank()) {
        violations.add(field + ": must not be blank");
      }
    }
  }
}
