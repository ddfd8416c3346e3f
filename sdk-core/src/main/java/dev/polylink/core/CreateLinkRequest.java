package dev.polylink.core;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.BuilderVisibility;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * What to create: a destination and the optional fields a provider may support. The provider
 * checks {@link #fields()} against its {@link Capabilities} and rejects every field it cannot
 * create with one {@link UnsupportedFieldException}, before sending anything.
 *
 * <pre>{@code
 * CreateLinkRequest request = CreateLinkRequest.builder()
 *     .destination("https://example.com/launch")
 *     .slug("launch")
 *     .addLabels("campaign", "spring")
 *     .build();
 * }</pre>
 */
@Value.Immutable(copy = false)
@Value.Style(
    init = "set*",
    add = "add*Element",
    build = "buildValue",
    isSetOnBuilder = true,
    visibility = ImplementationVisibility.PACKAGE,
    builderVisibility = BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true)
public abstract class CreateLinkRequest {
  CreateLinkRequest() {}

  public static Builder builder() {
    return ImmutableCreateLinkRequest.builder();
  }

  public Builder toBuilder() {
    return ImmutableCreateLinkRequest.builder().from(this);
  }

  public abstract URI destination();

  public abstract Optional<String> slug();

  public abstract Optional<String> title();

  public abstract List<String> labels();

  public abstract Optional<Instant> expiresAt();

  public abstract Optional<String> password();

  public abstract Optional<RedirectType> redirectType();

  /** The vendor's domain id, where it has domains; otherwise the client's default is used. */
  public abstract Optional<String> domain();

  public abstract Optional<ProviderOptions> options();

  /** The link fields this request sets (always including {@link LinkField#DESTINATION}). */
  public Set<LinkField> fields() {
    EnumSet<LinkField> fields = EnumSet.of(LinkField.DESTINATION);
    slug().ifPresent(v -> fields.add(LinkField.SLUG));
    title().ifPresent(v -> fields.add(LinkField.TITLE));
    if (!labels().isEmpty()) {
      fields.add(LinkField.LABELS);
    }
    expiresAt().ifPresent(v -> fields.add(LinkField.EXPIRES_AT));
    password().ifPresent(v -> fields.add(LinkField.PASSWORD));
    redirectType().ifPresent(v -> fields.add(LinkField.REDIRECT_TYPE));
    return Collections.unmodifiableSet(fields);
  }

  /** Lists the fields set; a password shows as {@code ****}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CreateLinkRequest{destination=").append(destination());
    slug().ifPresent(v -> sb.append(", slug=").append(v));
    title().ifPresent(v -> sb.append(", title=").append(v));
    if (!labels().isEmpty()) {
      sb.append(", labels=").append(labels());
    }
    expiresAt().ifPresent(v -> sb.append(", expiresAt=").append(v));
    password().ifPresent(v -> sb.append(", password=****"));
    redirectType().ifPresent(v -> sb.append(", redirectType=").append(v));
    domain().ifPresent(v -> sb.append(", domain=").append(v));
    options().ifPresent(v -> sb.append(", options=").append(v));
    return sb.append('}').toString();
  }

  /**
   * Builds a {@link CreateLinkRequest}. A {@code null} argument is a {@link NullPointerException};
   * a malformed value (a relative URL, a blank slug, an empty password) is a {@link
   * RequestValidationException} naming the field. Provider-specific rules (slug length, label
   * count) are checked by the provider.
   */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableCreateLinkRequest.Builder generated() {
      return (ImmutableCreateLinkRequest.Builder) this;
    }

    /** The destination: an absolute http or https URL. Required. */
    public Builder destination(String destination) {
      return generated().setDestination(Values.destination(destination));
    }

    /** The destination: an absolute http or https URL. Required. */
    public Builder destination(URI destination) {
      return generated().setDestination(Values.destination(destination));
    }

    /** A custom short code instead of a generated one. */
    public Builder slug(String slug) {
      return generated().setSlug(Values.notBlank("slug", slug));
    }

    public Builder title(String title) {
      return generated().setTitle(Values.notBlank("title", title));
    }

    /** Replaces the labels collected so far. */
    public Builder labels(Iterable<String> labels) {
      return generated().setLabels(Values.labels(labels));
    }

    /** Adds labels to those collected so far. */
    public Builder addLabels(String... labels) {
      return generated().addAllLabels(Values.labels(Arrays.asList(Objects.requireNonNull(labels, "labels"))));
    }

    public Builder expiresAt(Instant expiresAt) {
      return generated().setExpiresAt(expiresAt);
    }

    /** Protects the link with a password. Must not be empty. */
    public Builder password(String password) {
      return generated().setPassword(Values.password(password));
    }

    public Builder redirectType(RedirectType redirectType) {
      return generated().setRedirectType(redirectType);
    }

    /** The vendor's domain id (ShortPen {@code domain_id}, CarrierX {@code domain_sid}). */
    public Builder domain(String domain) {
      return generated().setDomain(Values.notBlank("domain", domain));
    }

    /** The provider's typed extras, e.g. {@code XqrOptions}. */
    public Builder options(ProviderOptions options) {
      return generated().setOptions(options);
    }

    /** @throws RequestValidationException when no destination was given */
    public CreateLinkRequest build() {
      if (!generated().destinationIsSet()) {
        throw new RequestValidationException(PolylinkException.NO_PROVIDER, "destination: is required");
      }
      return generated().buildValue();
    }
  }
}
