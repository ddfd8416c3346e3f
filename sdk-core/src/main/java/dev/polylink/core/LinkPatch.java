package dev.polylink.core;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change to a link. Each field is tri-state ({@link FieldUpdate}): absent fields are not sent at
 * all, set fields are sent with their value, cleared fields are sent as the vendor's own "remove"
 * (JSON {@code null}, {@code -1}, {@code with_password: false}, ... per vendor). A provider rejects
 * every field it cannot change or clear with one {@link UnsupportedFieldException}, and an empty
 * patch with a {@link RequestValidationException}, before sending anything.
 *
 * <pre>{@code
 * LinkPatch patch = LinkPatch.builder()
 *     .destination("https://example.com/v2")
 *     .clearExpiresAt()
 *     .build();
 * }</pre>
 */
public final class LinkPatch {
  private final FieldUpdate<URI> destination;
  private final FieldUpdate<String> slug;
  private final FieldUpdate<String> title;
  private final FieldUpdate<Boolean> enabled;
  private final FieldUpdate<List<String>> labels;
  private final FieldUpdate<Instant> expiresAt;
  private final FieldUpdate<String> password;
  private final FieldUpdate<RedirectType> redirectType;
  private final ProviderOptions options;

  private LinkPatch(Builder b) {
    this.destination = b.destination;
    this.slug = b.slug;
    this.title = b.title;
    this.enabled = b.enabled;
    this.labels = b.labels;
    this.expiresAt = b.expiresAt;
    this.password = b.password;
    this.redirectType = b.redirectType;
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
    b.enabled = enabled;
    b.labels = labels;
    b.expiresAt = expiresAt;
    b.password = password;
    b.redirectType = redirectType;
    b.options = options;
    return b;
  }

  /** {@return the update of the destination: absent, set or cleared} */
  public FieldUpdate<URI> destination() {
    return destination;
  }

  /** {@return the update of the short code: absent, set or cleared} */
  public FieldUpdate<String> slug() {
    return slug;
  }

  /** {@return the update of the title: absent, set or cleared} */
  public FieldUpdate<String> title() {
    return title;
  }

  /** {@return the update of whether the link redirects: absent, set or cleared} */
  public FieldUpdate<Boolean> enabled() {
    return enabled;
  }

  /**
   * Set replaces the whole label set; cleared (or set to an empty set) removes every label.
   *
   * @return the labels' update
   */
  public FieldUpdate<List<String>> labels() {
    return labels;
  }

  /** {@return the update of the expiry: absent, set or cleared} */
  public FieldUpdate<Instant> expiresAt() {
    return expiresAt;
  }

  /**
   * {@return the update of the password (never shown by {@link #toString()}): absent, set or
   * cleared}
   */
  public FieldUpdate<String> password() {
    return password;
  }

  /** {@return the update of the redirect type: absent, set or cleared} */
  public FieldUpdate<RedirectType> redirectType() {
    return redirectType;
  }

  /** {@return the provider's typed extras, e.g. {@code XqrOptions}; empty when none were given} */
  public Optional<ProviderOptions> options() {
    return Optional.ofNullable(options);
  }

  /** {@return every field's update, absent ones included, in {@link LinkField} order} */
  public Map<LinkField, FieldUpdate<?>> updates() {
    Map<LinkField, FieldUpdate<?>> all = new EnumMap<>(LinkField.class);
    all.put(LinkField.DESTINATION, destination);
    all.put(LinkField.SLUG, slug);
    all.put(LinkField.TITLE, title);
    all.put(LinkField.ENABLED, enabled);
    all.put(LinkField.LABELS, labels);
    all.put(LinkField.EXPIRES_AT, expiresAt);
    all.put(LinkField.PASSWORD, password);
    all.put(LinkField.REDIRECT_TYPE, redirectType);
    return Collections.unmodifiableMap(all);
  }

  /** {@return the fields this patch touches (set or cleared)} */
  public Set<LinkField> fields() {
    EnumSet<LinkField> touched = EnumSet.noneOf(LinkField.class);
    updates().forEach((field, update) -> {
      if (!update.isAbsent()) {
        touched.add(field);
      }
    });
    return Collections.unmodifiableSet(touched);
  }

  /** {@return the fields this patch clears} */
  public Set<LinkField> clearedFields() {
    EnumSet<LinkField> cleared = EnumSet.noneOf(LinkField.class);
    updates().forEach((field, update) -> {
      if (update.isCleared()) {
        cleared.add(field);
      }
    });
    return Collections.unmodifiableSet(cleared);
  }

  /** {@return true when the patch touches no field and carries no options} */
  public boolean isEmpty() {
    return fields().isEmpty() && options == null;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LinkPatch)) {
      return false;
    }
    LinkPatch p = (LinkPatch) o;
    return updates().equals(p.updates()) && Objects.equals(options, p.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(updates(), options);
  }

  /** The touched fields; a password value shows as {@code ****}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("LinkPatch{");
    String sep = "";
    for (Map.Entry<LinkField, FieldUpdate<?>> e : updates().entrySet()) {
      FieldUpdate<?> update = e.getValue();
      if (update.isAbsent()) {
        continue;
      }
      sb.append(sep).append(e.getKey().name().toLowerCase(java.util.Locale.ROOT)).append('=');
      sb.append(e.getKey() == LinkField.PASSWORD && update.isSet() ? "set(****)" : update.toString());
      sep = ", ";
    }
    if (options != null) {
      sb.append(sep).append("options=").append(options);
    }
    return sb.append('}').toString();
  }

  /**
   * Builds a {@link LinkPatch}. The last call for a field wins: {@code title("x").clearTitle()}
   * clears it. A {@code null} argument is a {@link NullPointerException}; a malformed value is a
   * {@link RequestValidationException} naming the field.
   */
  public static final class Builder {
    private FieldUpdate<URI> destination = FieldUpdate.absent();
    private FieldUpdate<String> slug = FieldUpdate.absent();
    private FieldUpdate<String> title = FieldUpdate.absent();
    private FieldUpdate<Boolean> enabled = FieldUpdate.absent();
    private FieldUpdate<List<String>> labels = FieldUpdate.absent();
    private FieldUpdate<Instant> expiresAt = FieldUpdate.absent();
    private FieldUpdate<String> password = FieldUpdate.absent();
    private FieldUpdate<RedirectType> redirectType = FieldUpdate.absent();
    private ProviderOptions options;

    private Builder() {}

    /**
     * Sets {@link LinkPatch#destination()}.
     *
     * @param destination the value
     * @return this builder
     */
    public Builder destination(String destination) {
      this.destination = FieldUpdate.set(Values.destination(destination));
      return this;
    }

    /**
     * Sets {@link LinkPatch#destination()}.
     *
     * @param destination the value
     * @return this builder
     */
    public Builder destination(URI destination) {
      this.destination = FieldUpdate.set(Values.destination(destination));
      return this;
    }

    /**
     * Sets {@link LinkPatch#slug()}.
     *
     * @param slug the value
     * @return this builder
     */
    public Builder slug(String slug) {
      this.slug = FieldUpdate.set(Values.notBlank("slug", slug));
      return this;
    }

    /**
     * Sets {@link LinkPatch#title()}.
     *
     * @param title the value
     * @return this builder
     */
    public Builder title(String title) {
      this.title = FieldUpdate.set(Values.notBlank("title", title));
      return this;
    }

    /**
     * Clears the title: the vendor's own "remove" is sent.
     *
     * @return this builder
     */
    public Builder clearTitle() {
      this.title = FieldUpdate.cleared();
      return this;
    }

    /**
     * Sets {@link LinkPatch#enabled()}.
     *
     * @param enabled the value
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = FieldUpdate.set(enabled);
      return this;
    }

    /**
     * Replaces the whole label set; an empty iterable removes every label (same as {@link #clearLabels()}).
     *
     * @param labels replaces the whole label set; an empty iterable removes every label (same as
     *     {@link #clearLabels()})
     * @return this builder
     */
    public Builder labels(Iterable<String> labels) {
      List<String> checked = Values.labels(labels);
      this.labels = checked.isEmpty() ? FieldUpdate.cleared() : FieldUpdate.set(checked);
      return this;
    }

    /**
     * Removes every label.
     *
     * @return this builder
     */
    public Builder clearLabels() {
      this.labels = FieldUpdate.cleared();
      return this;
    }

    /**
     * Sets {@link LinkPatch#expiresAt()}.
     *
     * @param expiresAt the value
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = FieldUpdate.set(Objects.requireNonNull(expiresAt, "expiresAt"));
      return this;
    }

    /**
     * Makes the link never expire.
     *
     * @return this builder
     */
    public Builder clearExpiresAt() {
      this.expiresAt = FieldUpdate.cleared();
      return this;
    }

    /**
     * Sets a new password. Must not be empty: use {@link #clearPassword()} to remove one.
     *
     * @param password the value
     * @return this builder
     */
    public Builder password(String password) {
      this.password = FieldUpdate.setSecret(Values.password(password));
      return this;
    }

    /**
     * Removes the password protection.
     *
     * @return this builder
     */
    public Builder clearPassword() {
      this.password = FieldUpdate.cleared();
      return this;
    }

    /**
     * Sets {@link LinkPatch#redirectType()}.
     *
     * @param redirectType the value
     * @return this builder
     */
    public Builder redirectType(RedirectType redirectType) {
      this.redirectType = FieldUpdate.set(Objects.requireNonNull(redirectType, "redirectType"));
      return this;
    }

    /**
     * The provider's typed extras, e.g. {@code XqrOptions} with routing rules.
     *
     * @param options the provider's typed extras, e.g. {@code XqrOptions} with routing rules
     * @return this builder
     */
    public Builder options(ProviderOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the patch; an empty patch is allowed here and rejected by the client.
     *
     * @return the patch
     */
    public LinkPatch build() {
      return new LinkPatch(this);
    }
  }
}
