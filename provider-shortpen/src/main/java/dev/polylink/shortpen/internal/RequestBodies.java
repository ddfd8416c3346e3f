package dev.polylink.shortpen.internal;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import dev.polylink.shortpen.ShortpenClient;
import dev.polylink.shortpen.ShortpenOptions;
import dev.polylink.shortpen.QrLogoType;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Unified requests as ShortPen bodies: DESTINATION {@code url}, SLUG {@code custom_slug}, TITLE
 * {@code title}, PASSWORD {@code with_password: true} + {@code url_password} (cleared: {@code
 * with_password: false}), REDIRECT_TYPE {@code redirect_type} 301/302, plus {@link ShortpenOptions}.
 */
final class RequestBodies {
  private static final ShortpenOptions NO_OPTIONS = ShortpenOptions.builder().build();

  private RequestBodies() {}

  /**
   * The {@code POST /v1/generate} body.
   *
   * @param workspaceId the workspace resolved from the options and the client, or null for
   *     ShortPen's default
   * @throws RequestValidationException for a missing or malformed domain, or domains that disagree
   */
  static LinkWriteBody create(
      CreateLinkRequest request, Optional<ShortpenOptions> options, Long defaultDomainId, Long workspaceId) {
    LinkWriteBody body = new LinkWriteBody();
    body.url = request.destination().toString();
    body.domainId = domainId(request, options, defaultDomainId);
    body.workspaceId = workspaceId;
    body.title = request.title().orElse(null);
    body.customSlug = request.slug().map(RequestBodies::slug).orElse(null);
    request.password().ifPresent(password -> {
      body.withPassword = true;
      body.urlPassword = password;
    });
    body.redirectType = request.redirectType().map(LinkMapper::redirectStatus).orElse(null);
    options.ifPresent(o -> applyOptions(body, o));
    return body;
  }

  /**
   * The {@code PUT /v1/links} body: {@code url_id} and only what the patch touches. The domain and
   * workspace are sent only when the options carry them.
   *
   * @throws RequestValidationException when the patch touches no field and its options set nothing:
   *     ShortPen answers 400 to a body with {@code url_id} alone
   */
  static LinkWriteBody update(long id, LinkPatch patch, Optional<ShortpenOptions> options) {
    if (patch.fields().isEmpty() && options.orElse(NO_OPTIONS).equals(NO_OPTIONS)) {
      throw new RequestValidationException(
          ShortpenClient.PROVIDER_ID,
          "patch: must change at least one field (it carried only ShortpenOptions with nothing set)");
    }
    LinkWriteBody body = new LinkWriteBody();
    body.urlId = id;
    patch.destination().ifSet(url -> body.url = url.toString());
    patch.slug().ifSet(slug -> body.customSlug = slug(slug));
    patch.title().ifSet(title -> body.title = title);
    if (patch.password().isSet()) {
      body.withPassword = true;
      body.urlPassword = patch.password().value();
    } else if (patch.password().isCleared()) {
      body.withPassword = false;
    }
    patch.redirectType().ifSet(type -> body.redirectType = LinkMapper.redirectStatus(type));
    options.ifPresent(o -> {
      o.domainId().ifPresent(domain -> body.domainId = domain);
      o.workspaceId().ifPresent(workspace -> body.workspaceId = workspace);
      applyOptions(body, o);
    });
    return body;
  }

  /**
   * The domain of a new link: {@code CreateLinkRequest.domain()} (a ShortPen domain id), else {@code
   * ShortpenOptions.domainId}, else the client's default. ShortPen requires one.
   */
  private static long domainId(CreateLinkRequest request, Optional<ShortpenOptions> options, Long defaultDomainId) {
    OptionalLong fromRequest = request.domain()
        .map(d -> OptionalLong.of(PositiveIds.parse("domain", d, "a ShortPen domain id")))
        .orElse(OptionalLong.empty());
    OptionalLong fromOptions = options.map(ShortpenOptions::domainId).orElse(OptionalLong.empty());
    if (fromRequest.isPresent() && fromOptions.isPresent() && fromRequest.getAsLong() != fromOptions.getAsLong()) {
      throw new RequestValidationException(
          ShortpenClient.PROVIDER_ID,
          "domain: " + fromRequest.getAsLong() + " disagrees with ShortpenOptions.domainId "
              + fromOptions.getAsLong() + " (give one of them)");
    }
    if (fromRequest.isPresent()) {
      return fromRequest.getAsLong();
    }
    if (fromOptions.isPresent()) {
      return fromOptions.getAsLong();
    }
    if (defaultDomainId != null) {
      return defaultDomainId;
    }
    throw new RequestValidationException(
        ShortpenClient.PROVIDER_ID,
        "domain: is required by ShortPen (domain_id); set CreateLinkRequest.domain(id), "
            + "ShortpenOptions.domainId(id) or the client's defaultDomainId(id)");
  }

  /**
   * ShortPen's slug rules are NOT FOUND (beyond "plan limits and reserved-word checks", which
   * ShortPen applies itself), so only the rule every provider shares applies: {@link Checks#slug}.
   */
  private static String slug(String slug) {
    return Checks.slug(ShortpenClient.PROVIDER_ID, slug);
  }

  private static void applyOptions(LinkWriteBody body, ShortpenOptions o) {
    o.folderId().ifPresent(folder -> body.folderId = folder);
    if (!o.param().isEmpty()) {
      body.param = o.param();
    }
    body.generateQr = o.generateQr().orElse(null);
    body.enableTracking = o.tracking().orElse(null);
    o.pixelId().ifPresent(pixel -> body.pixelId = pixel);
    body.linkCloak = o.linkCloak().orElse(null);
    body.hideReferer = o.hideReferer().orElse(null);
    o.qrRed().ifPresent(red -> body.r = red);
    o.qrGreen().ifPresent(green -> body.g = green);
    o.qrBlue().ifPresent(blue -> body.b = blue);
    body.uploadedLogoType = o.logo().map(QrLogoType::wireValue).orElse(null);
    body.uploadedLogoData = o.uploadedLogoData().orElse(null);
    body.socialShareTitle = o.socialShareTitle().orElse(null);
    body.socialShareDescription = o.socialShareDescription().orElse(null);
    body.socialShareImageData = o.socialShareImageData().orElse(null);
  }
}
