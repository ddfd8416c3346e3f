package dev.polylink.core;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
public final class CreateLinkRequest {
  private final URI destination;
  private final String slug;
  private final String title;
  private final List<String> labels;
  private final Instant expiresAt;
  private final String password;
  private final RedirectType redirectType;
  private final String domain;
  private final ProviderOptions options;

  private CreateLinkRequest(Builder b) {
    this.destination = b.destination;
    this.slug = b.slug;
    this.title = b.title;
    this.labels = List.copyOf(b.labels);
    this.expiresAt = b.expiresAt;
    this.password = b.password;
    this.redirectType = b.redirectType;
    this.domain = b.domain;
    this.options = b.options;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this value's fields, to change some and build a new value} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.destination = destination;
    b.slug = slug;
    b.title = title;
    b.labels.addAll(labels);
    b.expiresAt = expiresAt;
    b.password = password;
    b.redirectType = redirectType;
    b.domain = domain;
    b.options = options;
    return b;
  }

  /** {@return where the short link redirects to} */
  public URI destination() {
    return destination;
  }

  /** {@return the short code to ask for; empty to let the vendor generate one} */
  public Optional<String> slug() {
    return Optional.ofNullable(slug);
  }

  /** {@return the title; empty for none} */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** {@return the labels (tags) to create the link with; empty for none} */
  public List<String> labels() {
    return labels;
  }

  /** {@return when the link stops redirecting; empty for never} */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * {@return the password visitors must enter; empty for none. Never shown by {@link #toString()}}
   */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** {@return the redirect type to create the link with; empty for the vendor's default} */
  public Optional<RedirectType> redirectType() {
    return Optional.ofNullable(redirectType);
  }

  /** {@return the vendor's domain id, where it has domains; otherwise the client's default is used} */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** {@return the provider's typed extras, e.g. {@code XqrOptions}; empty when none were given} */
  public Optional<ProviderOptions> options() {
    return Optional.ofNullable(options);
  }

  /** {@return the link fields this request sets (always including {@link LinkField#DESTINATION})} */
  public Set<LinkField> fields() {
    EnumSet<LinkField> fields = EnumSet.of(LinkField.DESTINATION);
    if (slug != null) {
      fields.add(LinkField.SLUG);
    }
    if (title != null) {
      fields.add(LinkField.TITLE);
    }
    if (!labels.isEmpty()) {
      fields.add(LinkField.LABELS);
    }
    if (expiresAt != null) {
      fields.add(LinkField.EXPIRES_AT);
    }
    if (password != null) {
      fields.add(LinkField.PASSWORD);
    }
    if (redirectType != null) {
      fields.add(LinkField.REDIRECT_TYPE);
    }
    return Collections.unmodifiableSet(fields);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CreateLinkRequest)) {
      return false;
    }
    CreateLinkRequest r = (CreateLinkRequest) o;
    return destination.equals(r.destination)
        && Objects.equals(slug, r.slug)
        && Objects.equals(title, r.title)
        && labels.equals(r.labels)
        && Objects.equals(expiresAt, r.expiresAt)
        && Objects.equals(password, r.password)
        && redirectType == r.redirectType
        && Objects.equals(domain, r.domain)
        && Objects.equals(options, r.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(destination, slug, title, labels, expiresAt, password, redirectType, domain, options);
  }

  /** Lists the fields set; a password shows as {@code ****}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CreateLinkRequest{destination=").append(destination);
    if (slug != null) {
      sb.append(", slug=").append(slug);
    }
    if (title != null) {
      sb.append(", title=").append(title);
    }
    if (!labels.isEmpty()) {
      sb.append(", labels=").append(labels);
    }
    if (expiresAt != null) {
      sb.append(", expiresAt=").append(expiresAt);
    }
    if (password != null) {
      sb.append(", password=****");
    }
    if (redirectType != null) {
      sb.append(", redirectType=").append(redirectType);
    }
    if (domain != null) {
      sb.append(", domain=").append(domain);
    }
    if (options != null) {
      sb.append(", options=").append(options);
    }
    return sb.append('}').toString();
  }

  /**
   * Builds a {@link CreateLinkRequest}. A {@code null} argument is a {@link NullPointerException};
   * a malformed value (a relative URL, a blank slug, an empty password) is a {@link
   * RequestValidationException} naming the field. Provider-specific rules (slug length, label
   * count) are checked by the provider.
   */
  public static final class Builder {
    private URI destination;
    private String slug;
    private String title;
    private final List<String> labels = new ArrayList<>();
    private Instant expiresAt;
    private String password;
    private RedirectType redirectType;
    private String domain;
    private ProviderOptions options;

    private Builder() {}

    /**
     * The destination: an absolute http or https URL. Required.
     *
     * @param destination the destination: an absolute http or https URL
     * @return this builder
     */
    public Builder destination(String destination) {
      this.destination = Values.destination(destination);
      return this;
    }

    /**
     * The destination: an absolute http or https URL. Required.
     *
     * @param destination the destination: an absolute http or https URL
     * @return this builder
     */
    public Builder destination(URI destination) {
      this.destination = Values.destination(destination);
      return this;
    }

    /**
     * A custom short code instead of a generated one.
     *
     * @param slug A custom short code instead of a generated one
     * @return this builder
     */
    public Builder slug(String slug) {
      this.slug = Values.notBlank("slug", slug);
      return this;
    }

    /**
     * Sets {@link CreateLinkRequest#title()}.
     *
     * @param title the value
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Values.notBlank("title", title);
      return this;
    }

    /**
     * Replaces the labels collected so far.
     *
     * @param labels replaces the labels collected so far
     * @return this builder
     */
    public Builder labels(Iterable<String> labels) {
      List<String> checked = Values.labels(labels);
      this.labels.clear();
      this.labels.addAll(checked);
      return this;
    }

    /**
     * Adds labels to those collected so far.
     *
     * @param labels the value
     * @return this builder
     */
    public Builder addLabels(String... labels) {
      this.labels.addAll(Values.labels(Arrays.asList(Objects.requireNonNull(labels, "labels"))));
      return this;
    }

    /**
     * Sets {@link CreateLinkRequest#expiresAt()}.
     *
     * @param expiresAt the value
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
      return this;
    }

    /**
     * Protects the link with a password. Must not be empty.
     *
     * @param password protects the link with a password
     * @return this builder
     */
    public Builder password(String password) {
      this.password = Values.password(password);
      return this;
    }

    /**
     * Sets {@link CreateLinkRequest#redirectType()}.
     *
     * @param redirectType the value
     * @return this builder
     */
    public Builder redirectType(RedirectType redirectType) {
      this.redirectType = Objects.requireNonNull(redirectType, "redirectType");
      return this;
    }

    /**
     * The vendor's domain id (ShortPen {@code domain_id}, CarrierX {@code domain_sid}).
     *
     * @param domain the vendor's domain id (ShortPen {@code domain_id}, CarrierX {@code
     *     domain_sid})
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = Values.notBlank("domain", domain);
      return this;
    }

    /**
     * The provider's typed extras, e.g. {@code XqrOptions}.
     *
     * @param options the provider's typed extras, e.g. {@code XqrOptions}
     * @return this builder
     */
    public Builder options(ProviderOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**

     * Builds the request.

     *
     * @return the request
     * @throws RequestValidationException when no destination was given
     */
    public CreateLinkRequest build() {
      if (destination == null) {
        throw new RequestValidationException(PolylinkException.NO_PROVIDER, "destination: is required");
      }
      return new CreateLinkRequest(this);
    }
  }
}
