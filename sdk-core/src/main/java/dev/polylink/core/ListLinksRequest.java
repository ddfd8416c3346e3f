package dev.polylink.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Which page of links to list. A provider rejects filters it cannot apply ({@link
 * Capabilities#listFilters()}) with a {@link RequestValidationException} rather than silently
 * returning unfiltered links, and clamps nothing: a page size above its maximum is rejected too.
 */
@Value.Immutable
@ValueStyle
public abstract class ListLinksRequest {
  private static final ListLinksRequest DEFAULTS = builder().build();

  ListLinksRequest() {}

  /** {@return the first page, the provider's default page size, no filters} */
  public static ListLinksRequest defaults() {
    return DEFAULTS;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableListLinksRequest.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableListLinksRequest.builder().from(this);
  }

  /** {@return the page size asked for; empty means the provider's default} */
  public abstract OptionalInt pageSize();

  /** {@return where to continue, from {@link Page#nextCursor()}; empty means the first page} */
  public abstract Optional<String> cursor();

  /** {@return the label to filter by} */
  public abstract Optional<String> label();

  /** {@return whether the link is enabled} */
  public abstract Optional<Boolean> enabled();

  /** {@return the text to search for} */
  public abstract Optional<String> search();

  /** {@return the filters this request uses} */
  public Set<ListFilter> filters() {
    EnumSet<ListFilter> filters = EnumSet.noneOf(ListFilter.class);
    label().ifPresent(v -> filters.add(ListFilter.LABEL));
    enabled().ifPresent(v -> filters.add(ListFilter.ENABLED));
    search().ifPresent(v -> filters.add(ListFilter.SEARCH));
    return Collections.unmodifiableSet(filters);
  }

  /**
   * The same request continuing at {@code nextCursor}.
   *
   * @param nextCursor the cursor to continue at
   * @return the request continuing at {@code nextCursor}
   */
  public ListLinksRequest withCursor(String nextCursor) {
    return toBuilder().cursor(nextCursor).build();
  }

  @Override
  public String toString() {
    return "ListLinksRequest{pageSize=" + (pageSize().isPresent() ? pageSize().getAsInt() : null)
        + ", cursor=" + cursor().orElse(null) + ", label=" + label().orElse(null)
        + ", enabled=" + enabled().orElse(null) + ", search=" + search().orElse(null) + "}";
  }

  /** Builds a {@link ListLinksRequest}. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableListLinksRequest.Builder generated() {
      return (ImmutableListLinksRequest.Builder) this;
    }

    /**
     * Links per page, at least 1; the provider checks its own maximum.
     *
     * @param pageSize the links per page, at least 1
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new RequestValidationException(
            PolylinkException.NO_PROVIDER, "pageSize: must be at least 1 (was " + pageSize + ")");
      }
      return generated().setPageSize(pageSize);
    }

    /**
     * An opaque cursor from {@link Page#nextCursor()}.
     *
     * @param cursor the cursor
     * @return this builder
     */
    public Builder cursor(String cursor) {
      return generated().setCursor(Values.notBlank("cursor", cursor));
    }

    /**
     * Sets the label to filter by.
     *
     * @param label the label to filter by
     * @return this builder
     */
    public Builder label(String label) {
      return generated().setLabel(Values.notBlank("label", label));
    }

    /**
     * Sets whether the link is enabled.
     *
     * @param enabled whether the link is enabled
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      return generated().setEnabled(enabled);
    }

    /**
     * Sets the text to search for.
     *
     * @param search the text to search for
     * @return this builder
     */
    public Builder search(String search) {
      return generated().setSearch(Values.notBlank("search", search));
    }

    /** {@return the request holding the parts set} */
    public abstract ListLinksRequest build();
  }
}
