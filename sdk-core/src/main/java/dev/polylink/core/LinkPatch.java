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
import org.immutables.value.Value;

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
@Value.Immutable
@ValueStyle
public abstract class LinkPatch {
  LinkPatch() {}

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableLinkPatch.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableLinkPatch.builder().from(this);
  }

  /** {@return the destination} */
  @Value.Default
  public FieldUpdate<URI> destination() {
    return FieldUpdate.absent();
  }

  /** {@return the slug} */
  @Value.Default
  public FieldUpdate<String> slug() {
    return FieldUpdate.absent();
  }

  /** {@return the title} */
  @Value.Default
  public FieldUpdate<String> title() {
    return FieldUpdate.absent();
  }

  /** {@return whether the link is enabled} */
  @Value.Default
  public FieldUpdate<Boolean> enabled() {
    return FieldUpdate.absent();
  }

  /** {@return the labels' update: set replaces the whole label set, cleared removes every label} */
  @Value.Default
  public FieldUpdate<List<String>> labels() {
    return FieldUpdate.absent();
  }

  /** {@return the expiry time} */
  @Value.Default
  public FieldUpdate<Instant> expiresAt() {
    return FieldUpdate.absent();
  }

  /** {@return the password} */
  @Value.Default
  public FieldUpdate<String> password() {
    return FieldUpdate.absent();
  }

  /** {@return the redirect type} */
  @Value.Default
  public FieldUpdate<RedirectType> redirectType() {
    return FieldUpdate.absent();
  }

  /** {@return the provider's typed extras} */
  public abstract Optional<ProviderOptions> options();

  /**
   * Every field's update, absent ones included, in {@link LinkField} order. Made at the first call
   * and kept (a patch is immutable): a patch applied to many links, or checked and then sent, builds
   * it once, as {@link #fields()} and {@link #clearedFields()}.
   *
   * @return every field's update
   */
  @Value.Lazy
  public Map<LinkField, FieldUpdate<?>> updates() {
    Map<LinkField, FieldUpdate<?>> all = new EnumMap<>(LinkField.class);
    all.put(LinkField.DESTINATION, destination());
    all.put(LinkField.SLUG, slug());
    all.put(LinkField.TITLE, title());
    all.put(LinkField.ENABLED, enabled());
    all.put(LinkField.LABELS, labels());
    all.put(LinkField.EXPIRES_AT, expiresAt());
    all.put(LinkField.PASSWORD, password());
    all.put(LinkField.REDIRECT_TYPE, redirectType());
    return Collections.unmodifiableMap(all);
  }

  /** {@return the fields this patch touches (set or cleared)} */
  @Value.Lazy
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
  @Value.Lazy
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
    return fields().isEmpty() && options().isEmpty();
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
    if (options().isPresent()) {
      sb.append(sep).append("options=").append(options().get());
    }
    return sb.append('}').toString();
  }

  /**
   * Builds a {@link LinkPatch}. The last call for a field wins: {@code title("x").clearTitle()}
   * clears it. A {@code null} argument is a {@link NullPointerException}; a malformed value is a
   * {@link RequestValidationException} naming the field.
   */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableLinkPatch.Builder generated() {
      return (ImmutableLinkPatch.Builder) this;
    }

    /**
     * Sets the destination.
     *
     * @param destination the destination
     * @return this builder
     */
    public Builder destination(String destination) {
      return generated().setDestination(FieldUpdate.set(Values.destination(destination)));
    }

    /**
     * Sets the destination.
     *
     * @param destination the destination
     * @return this builder
     */
    public Builder destination(URI destination) {
      return generated().setDestination(FieldUpdate.set(Values.destination(destination)));
    }

    /**
     * Sets the slug.
     *
     * @param slug the slug
     * @return this builder
     */
    public Builder slug(String slug) {
      return generated().setSlug(FieldUpdate.set(Values.notBlank("slug", slug)));
    }

    /**
     * Sets the title.
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(String title) {
      return generated().setTitle(FieldUpdate.set(Values.notBlank("title", title)));
    }

    /**
     * Clears the title.
     *
     * @return this builder
     */
    public Builder clearTitle() {
      return generated().setTitle(FieldUpdate.cleared());
    }

    /**
     * Sets whether the link is enabled.
     *
     * @param enabled whether the link is enabled
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      return generated().setEnabled(FieldUpdate.set(enabled));
    }

    /**
     * Replaces the whole label set; an empty iterable removes every label (same as {@link #clearLabels()}).
     *
     * @param labels the labels
     * @return this builder
     */
    public Builder labels(Iterable<String> labels) {
      List<String> checked = Values.labels(labels);
      return generated().setLabels(checked.isEmpty() ? FieldUpdate.cleared() : FieldUpdate.set(checked));
    }

    /**
     * Removes every label.
     *
     * @return this builder
     */
    public Builder clearLabels() {
      return generated().setLabels(FieldUpdate.cleared());
    }

    /**
     * Sets the expiry time.
     *
     * @param expiresAt the expiry time
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      return generated().setExpiresAt(FieldUpdate.set(Objects.requireNonNull(expiresAt, "expiresAt")));
    }

    /**
     * Makes the link never expire.
     *
     * @return this builder
     */
    public Builder clearExpiresAt() {
      return generated().setExpiresAt(FieldUpdate.cleared());
    }

    /**
     * Sets a new password. Must not be empty: use {@link #clearPassword()} to remove one.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(String password) {
      return generated().setPassword(FieldUpdate.setSecret(Values.password(password)));
    }

    /**
     * Removes the password protection.
     *
     * @return this builder
     */
    public Builder clearPassword() {
      return generated().setPassword(FieldUpdate.cleared());
    }

    /**
     * Sets the redirect type.
     *
     * @param redirectType the redirect type
     * @return this builder
     */
    public Builder redirectType(RedirectType redirectType) {
      return generated().setRedirectType(FieldUpdate.set(Objects.requireNonNull(redirectType, "redirectType")));
    }

    /**
     * The provider's typed extras, e.g. {@code XqrOptions} with routing rules.
     *
     * @param options the provider's typed extras
     * @return this builder
     */
    public Builder options(ProviderOptions options) {
      return generated().setOptions(options);
    }

    /** {@return the patch; an empty patch is allowed here and rejected by the client} */
    public abstract LinkPatch build();
  }
}
