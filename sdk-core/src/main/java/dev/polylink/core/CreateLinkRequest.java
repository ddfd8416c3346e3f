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
@Value.Immutable
@ValueStyle
public abstract class CreateLinkRequest {
  CreateLinkRequest() {}

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableCreateLinkRequest.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableCreateLinkRequest.builder().from(this);
  }

  /** {@return the destination} */
  public URI destination() {
    return givenDestination().orElseThrow();
  }

  /** Empty only in a builder that lacks it: {@link #check()} then rejects it. */
  abstract Optional<URI> givenDestination();

  @Value.Check
  void check() {
    if (givenDestination().isEmpty()) {
      throw new RequestValidationException(PolylinkException.NO_PROVIDER, "destination: is required");
    }
  }

  /** {@return the slug} */
  public abstract Optional<String> slug();

  /** {@return the title} */
  public abstract Optional<String> title();

  /** {@return the labels} */
  public abstract List<String> labels();

  /** {@return the expiry time} */
  public abstract Optional<Instant> expiresAt();

  /** {@return the password} */
  public abstract Optional<String> password();

  /** {@return the redirect type} */
  public abstract Optional<RedirectType> redirectType();

  /** {@return the vendor's domain id, where it has domains; otherwise the client's default is used} */
  public abstract Optional<String> domain();

  /** {@return the provider's typed extras} */
  public abstract Optional<ProviderOptions> options();

  /** {@return the link fields this request sets (always including {@link LinkField#DESTINATION})} */
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

    /**
     * The destination: an absolute http or https URL. Required.
     *
     * @param destination the destination
     * @return this builder
     */
    public Builder destination(String destination) {
      return generated().setGivenDestination(Values.destination(destination));
    }

    /**
     * The destination: an absolute http or https URL. Required.
     *
     * @param destination the destination
     * @return this builder
     */
    public Builder destination(URI destination) {
      return generated().setGivenDestination(Values.destination(destination));
    }

    /**
     * A custom short code instead of a generated one.
     *
     * @param slug the slug
     * @return this builder
     */
    public Builder slug(String slug) {
      return generated().setSlug(Values.notBlank("slug", slug));
    }

    /**
     * Sets the title.
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(String title) {
      return generated().setTitle(Values.notBlank("title", title));
    }

    /**
     * Replaces the labels collected so far.
     *
     * @param labels the labels
     * @return this builder
     */
    public Builder labels(Iterable<String> labels) {
      return generated().setLabels(Values.labels(labels));
    }

    /**
     * Adds labels to those collected so far.
     *
     * @param labels the labels
     * @return this builder
     */
    public Builder addLabels(String... labels) {
      return generated().addAllLabels(Values.labels(Arrays.asList(Objects.requireNonNull(labels, "labels"))));
    }

    /**
     * Sets the expiry time.
     *
     * @param expiresAt the expiry time
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      return generated().setExpiresAt(expiresAt);
    }

    /**
     * Protects the link with a password. Must not be empty.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(String password) {
      return generated().setPassword(Values.password(password));
    }

    /**
     * Sets the redirect type.
     *
     * @param redirectType the redirect type
     * @return this builder
     */
    public Builder redirectType(RedirectType redirectType) {
      return generated().setRedirectType(redirectType);
    }

    /**
     * The vendor's domain id (ShortPen {@code domain_id}, CarrierX {@code domain_sid}).
     *
     * @param domain the vendor's domain id
     * @return this builder
     */
    public Builder domain(String domain) {
      return generated().setDomain(Values.notBlank("domain", domain));
    }

    /**
     * The provider's typed extras, e.g. {@code XqrOptions}.
     *
     * @param options the provider's typed extras
     * @return this builder
     */
    public Builder options(ProviderOptions options) {
      return generated().setOptions(options);
    }

    /**
     * Builds the value.
     *
     * @return the request
     * @throws RequestValidationException when no destination was given
     */
    public abstract CreateLinkRequest build();
  }
}
