package dev.polylink.shortpen;

import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RequestValidationException;
import dev.polylink.shortpen.internal.PositiveIds;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.immutables.value.Value;

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
@Value.Immutable
@ValueStyle
public abstract class ShortpenOptions implements ProviderOptions {
  private static final int MAX_CHANNEL = 255;

  ShortpenOptions() {}

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return ImmutableShortpenOptions.builder();
  }

  /** {@return a builder holding these options' values} */
  public Builder toBuilder() {
    return ImmutableShortpenOptions.builder().from(this);
  }

  /** Always {@code "shortpen"}. */
  @Override
  public String providerId() {
    return ShortpenClient.PROVIDER_ID;
  }

  /** {@return {@code domain_id}: the domain hosting the link} */
  public abstract OptionalLong domainId();

  /** {@return {@code workspace_id}: the workspace of the link} */
  public abstract OptionalLong workspaceId();

  /** {@return {@code folder_id}: the folder the link is put in} */
  public abstract OptionalLong folderId();

  /** {@return {@code param}: query parameters ShortPen appends to the destination; empty when not sent} */
  public abstract Map<String, String> param();

  /** {@return {@code generate_qr}: whether ShortPen generates (or regenerates) a QR code} */
  public abstract Optional<Boolean> generateQr();

  /** {@return {@code enable_tracking}: true with a {@link #pixelId()}, false after {@link Builder#disableTracking()}} */
  public abstract Optional<Boolean> tracking();

  /** {@return {@code pixel_id}: the tracking pixel, set together with {@link #tracking()}} */
  public abstract OptionalLong pixelId();

  /** {@return {@code link_cloak}: whether the destination is cloaked} */
  public abstract Optional<Boolean> linkCloak();

  /** {@return {@code hide_referer}: whether the referrer header is removed for visitors} */
  public abstract Optional<Boolean> hideReferer();

  /** {@return {@code r}: the QR code's red channel, 0 to 255} */
  public abstract OptionalInt qrRed();

  /** {@return {@code g}: the QR code's green channel, 0 to 255} */
  public abstract OptionalInt qrGreen();

  /** {@return {@code b}: the QR code's blue channel, 0 to 255} */
  public abstract OptionalInt qrBlue();

  /** {@return {@code uploaded_logo_type}: the logo embedded in QR codes} */
  public abstract Optional<QrLogoType> logo();

  /** {@return {@code uploaded_logo_data}: the base64 image of an {@link QrLogoType#UPLOADED} logo} */
  public abstract Optional<String> uploadedLogoData();

  /** {@return {@code social_share_title}: the OpenGraph title of social previews} */
  public abstract Optional<String> socialShareTitle();

  /** {@return {@code social_share_description}: the OpenGraph description of social previews} */
  public abstract Optional<String> socialShareDescription();

  /** {@return {@code social_share_image_data}: the base64 image of social previews} */
  public abstract Optional<String> socialShareImageData();

  /** The settings given; base64 images are shown by their length only. */
  @Override
  public String toString() {
    StringJoiner sb = new StringJoiner(", ", "ShortpenOptions{", "}");
    add(sb, "domainId", value(domainId()));
    add(sb, "workspaceId", value(workspaceId()));
    add(sb, "folderId", value(folderId()));
    add(sb, "param", param().isEmpty() ? null : param());
    add(sb, "generateQr", generateQr().orElse(null));
    add(sb, "tracking", tracking().orElse(null));
    add(sb, "pixelId", value(pixelId()));
    add(sb, "linkCloak", linkCloak().orElse(null));
    add(sb, "hideReferer", hideReferer().orElse(null));
    add(sb, "qrColor", qrRed().isEmpty() ? null
        : "rgb(" + value(qrRed()) + ", " + value(qrGreen()) + ", " + value(qrBlue()) + ")");
    add(sb, "logo", logo().orElse(null));
    add(sb, "uploadedLogoData", uploadedLogoData().map(ShortpenOptions::base64Summary).orElse(null));
    add(sb, "socialShareTitle", socialShareTitle().orElse(null));
    add(sb, "socialShareDescription", socialShareDescription().orElse(null));
    add(sb, "socialShareImageData", socialShareImageData().map(ShortpenOptions::base64Summary).orElse(null));
    return sb.toString();
  }

  private static void add(StringJoiner sb, String name, Object value) {
    if (value != null) {
      sb.add(name + "=" + value);
    }
  }

  private static String base64Summary(String data) {
    return "<" + data.length() + " base64 chars>";
  }

  private static Long value(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  private static Integer value(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  /** Checks every rule at once (see {@link Builder}). */
  @Value.Check
  void check() {
    List<String> violations = new ArrayList<>();
    positive(violations, "domainId", domainId());
    positive(violations, "workspaceId", workspaceId());
    positive(violations, "folderId", folderId());
    positive(violations, "pixelId", pixelId());
    if (param().keySet().stream().anyMatch(String::isBlank)) {
      violations.add("param: parameter names must not be blank");
    }
    channel(violations, "qrColor.red", qrRed());
    channel(violations, "qrColor.green", qrGreen());
    channel(violations, "qrColor.blue", qrBlue());
    boolean uploaded = logo().orElse(null) == QrLogoType.UPLOADED;
    if (uploaded && uploadedLogoData().isEmpty()) {
      violations.add("uploadedLogoData: is required when the logo is UPLOADED (use uploadedLogo(base64))");
    }
    if (uploadedLogoData().isPresent() && !uploaded) {
      violations.add("uploadedLogoData: only allowed when the logo is UPLOADED (was " + logo().orElse(null) + ")");
    }
    base64(violations, "uploadedLogoData", uploadedLogoData());
    base64(violations, "socialShareImageData", socialShareImageData());
    notBlank(violations, "socialShareTitle", socialShareTitle());
    notBlank(violations, "socialShareDescription", socialShareDescription());
    if (!violations.isEmpty()) {
      throw new RequestValidationException(ShortpenClient.PROVIDER_ID, violations);
    }
  }

  private static void positive(List<String> violations, String field, OptionalLong value) {
    if (value.isPresent()) {
      PositiveIds.violation(field, value.getAsLong()).ifPresent(violations::add);
    }
  }

  private static void channel(List<String> violations, String field, OptionalInt value) {
    if (value.isPresent() && (value.getAsInt() < 0 || value.getAsInt() > MAX_CHANNEL)) {
      violations.add(field + ": must be between 0 and " + MAX_CHANNEL + " (was " + value.getAsInt() + ")");
    }
  }

  private static void base64(List<String> violations, String field, Optional<String> value) {
    if (value.isEmpty()) {
      return;
    }
    boolean valid = !value.get().isEmpty();
    if (valid) {
      try {
        Base64.getDecoder().decode(value.get());
      } catch (IllegalArgumentException e) {
        valid = false;
      }
    }
    if (!valid) {
      violations.add(field + ": must be non-empty base64 (RFC 4648, no data: prefix; was "
          + value.get().length() + " characters)");
    }
  }

  private static void notBlank(List<String> violations, String field, Optional<String> value) {
    if (value.isPresent() && value.get().isBlank()) {
      violations.add(field + ": must not be blank");
    }
  }

  /**
   * Builds {@link ShortpenOptions}. A {@code null} argument is a {@link NullPointerException};
   * {@link #build()} checks every rule at once and names each broken one in a {@link
   * RequestValidationException}: ids are positive, colour channels lie in 0 to 255, parameter names
   * are not blank, an {@link QrLogoType#UPLOADED} logo comes with its data and logo data only with
   * {@code UPLOADED}, images are base64, texts are not blank.
   */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableShortpenOptions.Builder generated() {
      return (ImmutableShortpenOptions.Builder) this;
    }

    /**
     * The domain hosting the link ({@code domain_id}). On create it overrides the client's default
     * domain (and must agree with {@code CreateLinkRequest.domain()} when both are given); on update
     * it moves the link to that domain.
     *
     * @param domainId the domain id
     * @return this builder
     */
    public Builder domainId(long domainId) {
      return generated().setDomainId(domainId);
    }

    /**
     * The workspace ({@code workspace_id}); on create it overrides the client's workspace.
     *
     * @param workspaceId the workspace id
     * @return this builder
     */
    public Builder workspaceId(long workspaceId) {
      return generated().setWorkspaceId(workspaceId);
    }

    /**
     * The folder to put the link in ({@code folder_id}).
     *
     * @param folderId the folder id
     * @return this builder
     */
    public Builder folderId(long folderId) {
      return generated().setFolderId(folderId);
    }

    /**
     * Replaces the query parameters ShortPen appends to the destination ({@code param}, e.g. UTM
     * tags). ShortPen strips parameters with empty values.
     *
     * @param param the query parameters
     * @return this builder
     */
    public Builder param(Map<String, String> param) {
      Objects.requireNonNull(param, "param");
      Map<String, String> copy = new LinkedHashMap<>();
      param.forEach((name, value) ->
          copy.put(Objects.requireNonNull(name, "param name"), Objects.requireNonNull(value, "param value")));
      return generated().setParam(copy);
    }

    /**
     * Adds one query parameter appended to the destination.
     *
     * @param name the parameter's name
     * @param value the value
     * @return this builder
     */
    public Builder param(String name, String value) {
      return generated().putParam(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    /**
     * Whether ShortPen generates (or, on update, regenerates) a QR code ({@code generate_qr}).
     *
     * @param generateQr whether to generate a QR code
     * @return this builder
     */
    public Builder generateQr(boolean generateQr) {
      return generated().setGenerateQr(generateQr);
    }

    /**
     * Associates the link with a tracking pixel: sends {@code enable_tracking: true} and {@code
     * pixel_id}. ShortPen requires the pixel with tracking, so the two are set together.
     *
     * @param pixelId the pixel's id
     * @return this builder
     */
    public Builder trackingPixel(long pixelId) {
      return generated().setTracking(true).setPixelId(pixelId);
    }

    /**
     * Turns tracking off: sends {@code enable_tracking: false} and no pixel.
     *
     * @return this builder
     */
    public Builder disableTracking() {
      return generated().setTracking(false).setPixelId(OptionalLong.empty());
    }

    /**
     * Whether the destination URL is cloaked ({@code link_cloak}).
     *
     * @param linkCloak whether to cloak the destination
     * @return this builder
     */
    public Builder linkCloak(boolean linkCloak) {
      return generated().setLinkCloak(linkCloak);
    }

    /**
     * Whether the referrer header is removed for visitors ({@code hide_referer}).
     *
     * @param hideReferer whether to remove the referrer header
     * @return this builder
     */
    public Builder hideReferer(boolean hideReferer) {
      return generated().setHideReferer(hideReferer);
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
      return generated().setQrRed(red).setQrGreen(green).setQrBlue(blue);
    }

    /**
     * The logo embedded in QR codes ({@code uploaded_logo_type}). {@link QrLogoType#UPLOADED} needs
     * its image: prefer {@link #uploadedLogo(String)}, which sets both.
     *
     * @param logo the logo type
     * @return this builder
     */
    public Builder logo(QrLogoType logo) {
      return generated().setLogo(logo);
    }

    /**
     * An uploaded logo: sends {@code uploaded_logo_type: "uploaded"} and {@code uploaded_logo_data}.
     *
     * @param base64 the image, base64-encoded (RFC 4648, no {@code data:} prefix)
     * @return this builder
     */
    public Builder uploadedLogo(String base64) {
      return generated().setLogo(QrLogoType.UPLOADED).setUploadedLogoData(Objects.requireNonNull(base64, "base64"));
    }

    /**
     * The OpenGraph title of social previews ({@code social_share_title}).
     *
     * @param title the title
     * @return this builder
     */
    public Builder socialShareTitle(String title) {
      return generated().setSocialShareTitle(Objects.requireNonNull(title, "title"));
    }

    /**
     * The OpenGraph description of social previews ({@code social_share_description}).
     *
     * @param description the description
     * @return this builder
     */
    public Builder socialShareDescription(String description) {
      return generated().setSocialShareDescription(Objects.requireNonNull(description, "description"));
    }

    /**
     * The image of social previews ({@code social_share_image_data}).
     *
     * @param base64 the image, base64-encoded (RFC 4648, no {@code data:} prefix)
     * @return this builder
     */
    public Builder socialShareImage(String base64) {
      return generated().setSocialShareImageData(Objects.requireNonNull(base64, "base64"));
    }

    /**
     * Checks every rule and builds the options.
     *
     * @return the options
     * @throws RequestValidationException naming every broken rule
     */
    public abstract ShortpenOptions build();
  }
}
