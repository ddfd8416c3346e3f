package dev.polylink.snipurl;

import dev.polylink.core.ProviderOptions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SnipURL's typed extras for {@link dev.polylink.core.LinkPatch.Builder#options}: whether the link's
 * analytics page is public ({@code analytics_public}) and which of its sections are shared ({@code
 * analytics_shared_fields}). Immutable, with value equality.
 *
 * <pre>{@code
 * LinkPatch patch = LinkPatch.builder()
 *     .options(SnipurlOptions.builder()
 *         .analyticsPublic(true)
 *         .analyticsSharedFields(EnumSet.of(AnalyticsSection.OVERVIEW, AnalyticsSection.DEVICES))
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Each setting is sent only when it was set: an options object on which nothing was set changes
 * nothing. SnipURL accepts these settings on update only (its create request has no analytics
 * fields), so {@link SnipurlClient#create} rejects options that set anything.
 */
public final class SnipurlOptions implements ProviderOptions {
  private final Boolean analyticsPublic;
  /** Null: not sent. */
  private final Set<AnalyticsSection> sharedSections;
  /** True: {@code "analytics_shared_fields": null} is sent (share every section). */
  private final boolean shareAllSections;

  private SnipurlOptions(Builder b) {
    this.analyticsPublic = b.analyticsPublic;
    this.sharedSections =
        b.sharedSections == null ? null : Collections.unmodifiableSet(EnumSet.copyOf(b.sharedSections));
    this.shareAllSections = b.shareAllSections;
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options' settings.
   *
   * @return a new builder holding this value's fields
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.analyticsPublic = analyticsPublic;
    b.sharedSections = sharedSections == null ? null : EnumSet.copyOf(sharedSections);
    b.shareAllSections = shareAllSections;
    return b;
  }

  /** Always {@code "snipurl"}. */
  @Override
  public String providerId() {
    return SnipurlClient.PROVIDER_ID;
  }

  /** {@return the {@code analytics_public} value to send; empty when it is left unchanged} */
  public Optional<Boolean> analyticsPublic() {
    return Optional.ofNullable(analyticsPublic);
  }

  /**
   * {@return the sections to share ({@code analytics_shared_fields} as a list), in {@link
   * AnalyticsSection} order; empty when the setting is left unchanged or when {@link
   * #sharesAllAnalyticsSections()}} An empty set is a valid value: share no section.
   */
  public Optional<Set<AnalyticsSection>> analyticsSharedFields() {
    return Optional.ofNullable(sharedSections);
  }

  /**
   * {@return true when {@code "analytics_shared_fields": null} is sent, which SnipURL reads as
   * "share all"}
   */
  public boolean sharesAllAnalyticsSections() {
    return shareAllSections;
  }

  /** {@return true when nothing is set, so that these options would send nothing} */
  public boolean isEmpty() {
    return analyticsPublic == null && sharedSections == null && !shareAllSections;
  }

  /** Equal when every setting is the same. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SnipurlOptions)) {
      return false;
    }
    SnipurlOptions that = (SnipurlOptions) o;
    return shareAllSections == that.shareAllSections
        && Objects.equals(analyticsPublic, that.analyticsPublic)
        && Objects.equals(sharedSections, that.sharedSections);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(analyticsPublic, sharedSections, shareAllSections);
  }

  /** Lists the settings that are set, e.g. {@code SnipurlOptions{analyticsPublic=true, analyticsSharedFields=[overview]}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SnipurlOptions{");
    String sep = "";
    if (analyticsPublic != null) {
      sb.append("analyticsPublic=").append(analyticsPublic);
      sep = ", ";
    }
    if (sharedSections != null) {
      sb.append(sep).append("analyticsSharedFields=")
          .append(sharedSections.stream().map(AnalyticsSection::wireName).collect(Collectors.joining(", ", "[", "]")));
    } else if (shareAllSections) {
      sb.append(sep).append("analyticsSharedFields=all");
    }
    return sb.append('}').toString();
  }

  /**
   * Builds {@link SnipurlOptions}. For the shared sections the last call wins: {@link
   * #analyticsSharedFields(Set)} and {@link #shareAllAnalyticsSections()} replace each other.
   */
  public static final class Builder {
    private Boolean analyticsPublic;
    private Set<AnalyticsSection> sharedSections;
    private boolean shareAllSections;

    private Builder() {}

    /**
     * Makes the link's analytics page public ({@code true}) or private ({@code false}).
     *
     * @param analyticsPublic the value
     * @return this builder
     */
    public Builder analyticsPublic(boolean analyticsPublic) {
      this.analyticsPublic = analyticsPublic;
      return this;
    }

    /**
     * Shares exactly these sections of the public analytics page; sent as a list in {@link
     * AnalyticsSection} order whatever the set's own order. An empty set shares no section.
     *
     * @param sections the value
     * @return this builder
     * @throws NullPointerException if the set or one of its elements is null
     */
    public Builder analyticsSharedFields(Set<AnalyticsSection> sections) {
      Objects.requireNonNull(sections, "sections");
      EnumSet<AnalyticsSection> copy = EnumSet.noneOf(AnalyticsSection.class);
      for (AnalyticsSection section : sections) {
        copy.add(Objects.requireNonNull(section, "sections element"));
      }
      this.sharedSections = copy;
      this.shareAllSections = false;
      return this;
    }

    /**
     * Shares every section: sends {@code "analytics_shared_fields": null}, as SnipURL documents.
     *
     * @return this builder
     */
    public Builder shareAllAnalyticsSections() {
      this.sharedSections = null;
      this.shareAllSections = true;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public SnipurlOptions build() {
      return new SnipurlOptions(this);
    }
  }
}
