package dev.polylink.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which page of links to list. A provider rejects filters it cannot apply ({@link
 * Capabilities#listFilters()}) with a {@link RequestValidationException} rather than silently
 * returning unfiltered links, and clamps nothing: a page size above its maximum is rejected too.
 */
public final class ListLinksRequest {
  private static final ListLinksRequest DEFAULTS = new Builder().build();

  private final Integer pageSize;
  private final String cursor;
  private final String label;
  private final Boolean enabled;
  private final String search;

  private ListLinksRequest(Builder b) {
    this.pageSize = b.pageSize;
    this.cursor = b.cursor;
    this.label = b.label;
    this.enabled = b.enabled;
    this.search = b.search;
  }

  /** {@return the first page, the provider's default page size, no filters} */
  public static ListLinksRequest defaults() {
    return DEFAULTS;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this value's fields, to change some and build a new value} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.pageSize = pageSize;
    b.cursor = cursor;
    b.label = label;
    b.enabled = enabled;
    b.search = search;
    return b;
  }

  /** {@return the page size asked for; empty means the provider's default} */
  public OptionalInt pageSize() {
    return pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize);
  }

  /** {@return where to continue, from {@link Page#nextCursor()}; empty means the first page} */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** {@return the label links must carry; empty for no such filter} */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** {@return only enabled (true) or disabled (false) links; empty for both} */
  public Optional<Boolean> enabled() {
    return Optional.ofNullable(enabled);
  }

  /** {@return the text links must contain; empty for no such filter} */
  public Optional<String> search() {
    return Optional.ofNullable(search);
  }

  /** {@return the filters this request uses} */
  public Set<ListFilter> filters() {
    EnumSet<ListFilter> filters = EnumSet.noneOf(ListFilter.class);
    if (label != null) {
      filters.add(ListFilter.LABEL);
    }
    if (enabled != null) {
      filters.add(ListFilter.ENABLED);
    }
    if (search != null) {
      filters.add(ListFilter.SEARCH);
    }
    return Collections.unmodifiableSet(filters);
  }

  /**
   * {@return the same request continuing at {@code nextCursor}}
   *
   * @param nextCursor the cursor of the next page, or {@code null} on the last page
   */
  public ListLinksRequest withCursor(String nextCursor) {
    return toBuilder().cursor(nextCursor).build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ListLinksRequest)) {
      return false;
    }
    ListLinksRequest r = (ListLinksRequest) o;
    return Objects.equals(pageSize, r.pageSize)
        && Objects.equals(cursor, r.cursor)
        && Objects.equals(label, r.label)
        && Objects.equals(enabled, r.enabled)
        && Objects.equals(search, r.search);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pageSize, cursor, label, enabled, search);
  }

  @Override
  public String toString() {
    return "ListLinksRequest{pageSize=" + pageSize + ", cursor=" + cursor + ", label=" + label
        + ", enabled=" + enabled + ", search=" + search + "}";
  }

  /** Builds a {@link ListLinksRequest}. */
  public static final class Builder {
    private Integer pageSize;
    private String cursor;
    private String label;
    private Boolean enabled;
    private String search;

    private Builder() {}

    /**
     * Links per page, at least 1; the provider checks its own maximum.
     *
     * @param pageSize links per page, at least 1; the provider checks its own maximum
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new RequestValidationException(
            PolylinkException.NO_PROVIDER, "pageSize: must be at least 1 (was " + pageSize + ")");
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * An opaque cursor from {@link Page#nextCursor()}.
     *
     * @param cursor an opaque cursor from {@link Page#nextCursor()}
     * @return this builder
     */
    public Builder cursor(String cursor) {
      this.cursor = Values.notBlank("cursor", cursor);
      return this;
    }

    /**
     * Sets {@link ListLinksRequest#label()}.
     *
     * @param label the value
     * @return this builder
     */
    public Builder label(String label) {
      this.label = Values.notBlank("label", label);
      return this;
    }

    /**
     * Sets {@link ListLinksRequest#enabled()}.
     *
     * @param enabled the value
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets {@link ListLinksRequest#search()}.
     *
     * @param search the value
     * @return this builder
     */
    public Builder search(String search) {
      this.search = Values.notBlank("search", search);
      return this;
    }

    /**
     * Builds the {@code ListLinksRequest}.
     *
     * @return a new, immutable {@code ListLinksRequest}
     */
    public ListLinksRequest build() {
      return new ListLinksRequest(this);
    }
  }
}
