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
import org.immutables.value.Value.Style.BuilderVisibility;
import org.immutables.value.Value.Style.ImplementationVisibility;

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
@Value.Immutable(copy = false)
@Value.Style(
    init = "set*",
    visibility = ImplementationVisibility.PACKAGE,
    builderVisibility = BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true)
public abstract class LinkPatch {
  LinkPatch() {}

  public static Builder builder() {
    return ImmutableLinkPatch.builder();
  }

  public Builder toBuilder() {
    return ImmutableLinkPatch.builder().from(this);
  }

  @Value.Default
  public FieldUpdate<URI> destination() {
    return FieldUpdate.absent();
  }

  @Value.Default
  public FieldUpdate<String> slug() {
    return FieldUpdate.absent();
  }

  @Value.Default
  public FieldUpdate<String> title() {
    return FieldUpdate.absent();
  }

  @Value.Default
  public FieldUpdate<Boolean> enabled() {
    return FieldUpdate.absent();
  }

  /** Set replaces the whole label set; cleared (or set to an empty set) removes every label. */
  @Value.Default
  public FieldUpdate<List<String>> labels() {
    return FieldUpdate.absent();
  }

  @Value.Default
  public FieldUpdate<Instant> expiresAt() {
    return FieldUpdate.absent();
  }

  @Value.Default
  public FieldUpdate<String> password() {
    return FieldUpdate.absent();
  }

  @Value.Default
  public FieldUpdate<RedirectType> redirectType() {
    return FieldUpdate.absent();
  }

  public abstract Optional<ProviderOptions> options();

  /** Every field's update, absent ones included, in {@link LinkField} order. */
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

  /** The fields this patch touches (set or cleared). */
  public Set<LinkField> fields() {
    EnumSet<LinkField> touched = EnumSet.noneOf(LinkField.class);
    updates().forEach((field, update) -> {
      if (!update.isAbsent()) {
        touched.add(field);
      }
    });
    return Collections.unmodifiableSet(touched);
  }

  /** The fields this patch clears. */
  public Set<LinkField> clearedFields() {
    EnumSet<LinkField> cleared = EnumSet.noneOf(LinkField.class);
    updates().forEach((field, update) -> {
      if (update.isCleared()) {
        cleared.add(field);
      }
    });
    return Collections.unmodifiableSet(cleared);
  }

  /** True when the patch touches no field and carries no options. */
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

    public Builder destination(String destination) {
      return generated().setDestination(FieldUpdate.set(Values.destination(destination)));
    }

    public Builder destination(URI destination) {
      return generated().setDestination(FieldUpdate.set(Values.destination(destination)));
    }

    public Builder slug(String slug) {
      return generated().setSlug(FieldUpdate.set(Values.notBlank("slug", slug)));
    }

    public Builder title(String title) {
      return generated().setTitle(FieldUpdate.set(Values.notBlank("title", title)));
    }

    public Builder clearTitle() {
      return generated().setTitle(FieldUpdate.cleared());
    }

    public Builder enabled(boolean enabled) {
      return generated().setEnabled(FieldUpdate.set(enabled));
    }

    /** Replaces the whole label set; an empty iterable removes every label (same as {@link #clearLabels()}). */
    public Builder labels(Iterable<String> labels) {
      List<String> checked = Values.labels(labels);
      return generated().setLabels(checked.isEmpty() ? FieldUpdate.cleared() : FieldUpdate.set(checked));
    }

    /** Removes every label. */
    public Builder clearLabels() {
      return generated().setLabels(FieldUpdate.cleared());
    }

    public Builder expiresAt(Instant expiresAt) {
      return generated().setExpiresAt(FieldUpdate.set(Objects.requireNonNull(expiresAt, "expiresAt")));
    }

    /** Makes the link never expire. */
    public Builder clearExpiresAt() {
      return generated().setExpiresAt(FieldUpdate.cleared());
    }

    /** Sets a new password. Must not be empty: use {@link #clearPassword()} to remove one. */
    public Builder password(String password) {
      return generated().setPassword(FieldUpdate.setSecret(Values.password(password)));
    }

    /** Removes the password protection. */
    public Builder clearPassword() {
      return generated().setPassword(FieldUpdate.cleared());
    }

    public Builder redirectType(RedirectType redirectType) {
      return generated().setRedirectType(FieldUpdate.set(Objects.requireNonNull(redirectType, "redirectType")));
    }

    /** The provider's typed extras, e.g. {@code XqrOptions} with routing rules. */
    public Builder options(ProviderOptions options) {
      return generated().setOptions(options);
    }

    /** Builds the patch; an empty patch is allowed here and rejected by the client. */
    public abstract LinkPatch build();
  }
}
