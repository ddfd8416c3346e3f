package dev.polylink.core;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A short link as one provider reported it, in the unified model. Every {@code Optional} means
 * "this vendor, or this response, did not say": Polylink never invents a value. {@link
 * #providerFields()} keeps the vendor's object as received, including everything the unified model
 * does not carry.
 */
public final class Link {
  private final String providerId;
  private final LinkId id;
  private final URI shortUrl;
  private final String shortCode;
  private final URI destination;
  private final String title;
  private final Boolean enabled;
  private final List<String> labels;
  private final Instant expiresAt;
  private final Boolean passwordProtected;
  private final RedirectType redirectType;
  private final Long clicks;
  private final Instant lastClickedAt;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final Map<String, Object> providerFields;

  private Link(Builder b) {
    this.providerId = Objects.requireNonNull(b.providerId, "providerId is required");
    this.id = Objects.requireNonNull(b.id, "id is required");
    this.shortUrl = Objects.requireNonNull(b.shortUrl, "shortUrl is required");
    this.shortCode = Objects.requireNonNull(b.shortCode, "shortCode is required");
    this.destination = b.destination;
    this.title = b.title;
    this.enabled = b.enabled;
    this.labels = b.labels;
    this.expiresAt = b.expiresAt;
    this.passwordProtected = b.passwordProtected;
    this.redirectType = b.redirectType;
    this.clicks = b.clicks;
    this.lastClickedAt = b.lastClickedAt;
    this.createdAt = b.createdAt;
    this.updatedAt = b.updatedAt;
    this.providerFields = b.providerFields;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this link's values.
   *
   * @return a new builder holding this value's fields
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.providerId = providerId;
    b.id = id;
    b.shortUrl = shortUrl;
    b.shortCode = shortCode;
    b.destination = destination;
    b.title = title;
    b.enabled = enabled;
    b.labels = labels;
    b.expiresAt = expiresAt;
    b.passwordProtected = passwordProtected;
    b.redirectType = redirectType;
    b.clicks = clicks;
    b.lastClickedAt = lastClickedAt;
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    b.providerFields = providerFields;
    return b;
  }

  /** {@return the provider this link lives at, e.g. {@code "xqr"}} */
  public String providerId() {
    return providerId;
  }

  /** {@return the vendor's id of the link, to pass to get, update and delete} */
  public LinkId id() {
    return id;
  }

  /** {@return the full short URL visitors use} */
  public URI shortUrl() {
    return shortUrl;
  }

  /** {@return the code or slug: the short URL's last path segment} */
  public String shortCode() {
    return shortCode;
  }

  /** {@return where the link redirects to; empty when the vendor did not say} */
  public Optional<URI> destination() {
    return Optional.ofNullable(destination);
  }

  /** {@return the title; empty when the link has none or the vendor did not say} */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** {@return whether the link redirects; empty when the vendor did not say} */
  public Optional<Boolean> enabled() {
    return Optional.ofNullable(enabled);
  }

  /** {@return the labels (tags); empty when the link has none or the vendor has no labels} */
  public List<String> labels() {
    return labels;
  }

  /** {@return when the link stops (or stopped) redirecting; empty when the vendor did not say} */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * {@return whether visitors must enter a password (the password itself is never read back); empty
   * when the vendor did not say}
   */
  public Optional<Boolean> passwordProtected() {
    return Optional.ofNullable(passwordProtected);
  }

  /** {@return the redirect type; empty when the vendor did not say} */
  public Optional<RedirectType> redirectType() {
    return Optional.ofNullable(redirectType);
  }

  /** {@return visits (clicks or scans) counted by the vendor} */
  public OptionalLong clicks() {
    return clicks == null ? OptionalLong.empty() : OptionalLong.of(clicks);
  }

  /** {@return when the link was last visited; empty when the vendor did not say} */
  public Optional<Instant> lastClickedAt() {
    return Optional.ofNullable(lastClickedAt);
  }

  /** {@return when the link was created; empty when the vendor did not say} */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  /** {@return when the vendor last changed the link; empty when the vendor did not say} */
  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(updatedAt);
  }

  /**
   * {@return the vendor's link object as received, as plain Java values (String, Boolean, Number,
   * List, Map), unmodifiable} Object members whose value is JSON {@code null} are left out; a
   * {@code null} element of a list is kept, so that positions stay as the vendor sent them.
   */
  public Map<String, Object> providerFields() {
    return providerFields;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Link)) {
      return false;
    }
    Link l = (Link) o;
    return providerId.equals(l.providerId)
        && id.equals(l.id)
        && shortUrl.equals(l.shortUrl)
        && shortCode.equals(l.shortCode)
        && Objects.equals(destination, l.destination)
        && Objects.equals(title, l.title)
        && Objects.equals(enabled, l.enabled)
        && labels.equals(l.labels)
        && Objects.equals(expiresAt, l.expiresAt)
        && Objects.equals(passwordProtected, l.passwordProtected)
        && redirectType == l.redirectType
        && Objects.equals(clicks, l.clicks)
        && Objects.equals(lastClickedAt, l.lastClickedAt)
        && Objects.equals(createdAt, l.createdAt)
        && Objects.equals(updatedAt, l.updatedAt)
        && providerFields.equals(l.providerFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        providerId, id, shortUrl, shortCode, destination, title, enabled, labels, expiresAt,
        passwordProtected, redirectType, clicks, lastClickedAt, createdAt, updatedAt,
        providerFields);
  }

  /** The unified fields; {@link #providerFields()} are summarised by their keys only. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Link{");
    sb.append("providerId=").append(providerId);
    sb.append(", id=").append(id);
    sb.append(", shortUrl=").append(shortUrl);
    sb.append(", shortCode=").append(shortCode);
    append(sb, "destination", destination);
    append(sb, "title", title);
    append(sb, "enabled", enabled);
    if (!labels.isEmpty()) {
      sb.append(", labels=").append(labels);
    }
    append(sb, "expiresAt", expiresAt);
    append(sb, "passwordProtected", passwordProtected);
    append(sb, "redirectType", redirectType);
    append(sb, "clicks", clicks);
    append(sb, "lastClickedAt", lastClickedAt);
    append(sb, "createdAt", createdAt);
    append(sb, "updatedAt", updatedAt);
    if (!providerFields.isEmpty()) {
      sb.append(", providerFields=").append(providerFields.keySet());
    }
    return sb.append('}').toString();
  }

  private static void append(StringBuilder sb, String name, Object value) {
    if (value != null) {
      sb.append(", ").append(name).append('=').append(value);
    }
  }

  /**
   * Builds a {@link Link}. {@code providerId}, {@code id}, {@code shortUrl} and {@code shortCode}
   * are required. Setters taking a plain value reject {@code null}; the {@code Optional} overloads
   * take "not said" as {@code Optional.empty()}.
   */
  public static final class Builder {
    private String providerId;
    private LinkId id;
    private URI shortUrl;
    private String shortCode;
    private URI destination;
    private String title;
    private Boolean enabled;
    private List<String> labels = List.of();
    private Instant expiresAt;
    private Boolean passwordProtected;
    private RedirectType redirectType;
    private Long clicks;
    private Instant lastClickedAt;
    private Instant createdAt;
    private Instant updatedAt;
    private Map<String, Object> providerFields = Map.of();

    private Builder() {}

    /**
     * Sets {@link Link#providerId()}.
     *
     * @param providerId the provider's id, such as {@code "xqr"}
     * @return this builder
     */
    public Builder providerId(String providerId) {
      this.providerId = Objects.requireNonNull(providerId, "providerId");
      return this;
    }

    /**
     * Sets {@link Link#id()}.
     *
     * @param id the link's id
     * @return this builder
     */
    public Builder id(LinkId id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets {@link Link#shortUrl()}.
     *
     * @param shortUrl the value
     * @return this builder
     */
    public Builder shortUrl(URI shortUrl) {
      this.shortUrl = Objects.requireNonNull(shortUrl, "shortUrl");
      return this;
    }

    /**
     * Sets {@link Link#shortCode()}.
     *
     * @param shortCode the value
     * @return this builder
     */
    public Builder shortCode(String shortCode) {
      this.shortCode = Objects.requireNonNull(shortCode, "shortCode");
      return this;
    }

    /**
     * Sets {@link Link#destination()}.
     *
     * @param destination the value
     * @return this builder
     */
    public Builder destination(URI destination) {
      this.destination = Objects.requireNonNull(destination, "destination");
      return this;
    }

    /**
     * Sets {@link Link#destination()}.
     *
     * @param destination the value, or empty for unknown
     * @return this builder
     */
    public Builder destination(Optional<URI> destination) {
      this.destination = destination.orElse(null);
      return this;
    }

    /**
     * Sets {@link Link#title()}.
     *
     * @param title the value
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Sets {@link Link#title()}.
     *
     * @param title the value, or empty for unknown
     * @return this builder
     */
    public Builder title(Optional<String> title) {
      this.title = title.orElse(null);
      return this;
    }

    /**
     * Sets {@link Link#enabled()}.
     *
     * @param enabled the value
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets {@link Link#enabled()}.
     *
     * @param enabled the value, or empty for unknown
     * @return this builder
     */
    public Builder enabled(Optional<Boolean> enabled) {
      this.enabled = enabled.orElse(null);
      return this;
    }

    /**
     * Sets {@link Link#labels()}.
     *
     * @param labels the value
     * @return this builder
     */
    public Builder labels(Iterable<String> labels) {
      List<String> copy = new java.util.ArrayList<>();
      for (String label : Objects.requireNonNull(labels, "labels")) {
        copy.add(Objects.requireNonNull(label, "labels element"));
      }
      this.labels = List.copyOf(copy);
      return this;
    }

    /**
     * Sets {@link Link#expiresAt()}.
     *
     * @param expiresAt the value
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
      return this;
    }

    /**
     * Sets {@link Link#expiresAt()}.
     *
     * @param expiresAt the value, or empty for unknown
     * @return this builder
     */
    public Builder expiresAt(Optional<Instant> expiresAt) {
      this.expiresAt = expiresAt.orElse(null);
      return this;
    }

    /**
     * Sets {@link Link#passwordProtected()}.
     *
     * @param passwordProtected the value
     * @return this builder
     */
    public Builder passwordProtected(boolean passwordProtected) {
      this.passwordProtected = passwordProtected;
      return this;
    }

    /**
     * Sets {@link Link#passwordProtected()}.
     *
     * @param passwordProtected the value, or empty for unknown
     * @return this builder
     */
    public Builder passwordProtected(Optional<Boolean> passwordProtected) {
      this.passwordProtected = passwordProtected.orElse(null);
      return this;
    }

    /**
     * Sets {@link Link#redirectType()}.
     *
     * @param redirectType the value
     * @return this builder
     */
    public Builder redirectType(RedirectType redirectType) {
      this.redirectType = Objects.requireNonNull(redirectType, "redirectType");
      return this;
    }

    /**
     * Sets {@link Link#redirectType()}.
     *
     * @param redirectType the value, or empty for unknown
     * @return this builder
     */
    public Builder redirectType(Optional<RedirectType> redirectType) {
      this.redirectType = redirectType.orElse(null);
      return this;
    }

    /**
     * Sets {@link Link#clicks()}.
     *
     * @param clicks the value
     * @return this builder
     */
    public Builder clicks(long clicks) {
      this.clicks = clicks;
      return this;
    }

    /**
     * Sets {@link Link#clicks()}.
     *
     * @param clicks the value, or empty for unknown
     * @return this builder
     */
    public Builder clicks(OptionalLong clicks) {
      this.clicks = clicks.isPresent() ? clicks.getAsLong() : null;
      return this;
    }

    /**
     * Sets {@link Link#lastClickedAt()}.
     *
     * @param lastClickedAt the value
     * @return this builder
     */
    public Builder lastClickedAt(Instant lastClickedAt) {
      this.lastClickedAt = Objects.requireNonNull(lastClickedAt, "lastClickedAt");
      return this;
    }

    /**
     * Sets {@link Link#lastClickedAt()}.
     *
     * @param lastClickedAt the value, or empty for unknown
     * @return this builder
     */
    public Builder lastClickedAt(Optional<Instant> lastClickedAt) {
      this.lastClickedAt = lastClickedAt.orElse(null);
      return this;
    }

    /**
     * Sets {@link Link#createdAt()}.
     *
     * @param createdAt the value
     * @return this builder
     */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
      return this;
    }

    /**
     * Sets {@link Link#createdAt()}.
     *
     * @param createdAt the value, or empty for unknown
     * @return this builder
     */
    public Builder createdAt(Optional<Instant> createdAt) {
      this.createdAt = createdAt.orElse(null);
      return this;
    }

    /**
     * Sets {@link Link#updatedAt()}.
     *
     * @param updatedAt the value
     * @return this builder
     */
    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
      return this;
    }

    /**
     * Sets {@link Link#updatedAt()}.
     *
     * @param updatedAt the value, or empty for unknown
     * @return this builder
     */
    public Builder updatedAt(Optional<Instant> updatedAt) {
      this.updatedAt = updatedAt.orElse(null);
      return this;
    }

    /**
     * The vendor's object as plain Java values; copied deeply. Map entries with a {@code null}
     * value are dropped; {@code null} list elements are kept.
     *
     * @param providerFields the vendor's object as plain Java values; copied deeply
     * @return this builder
     * @throws RequestValidationException if a value is not a String, Boolean, Number, List or Map
     *     (the violation names its path, e.g. {@code providerFields.meta.tags[2]})
     */
    public Builder providerFields(Map<String, ?> providerFields) {
      this.providerFields = PlainValues.freezeMap(Objects.requireNonNull(providerFields, "providerFields"));
      return this;
    }

    /**
     * Builds the {@code Link}.
     *
     * @return a new, immutable {@code Link}
     */
    public Link build() {
      return new Link(this);
    }
  }
}
