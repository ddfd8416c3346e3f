package dev.polylink.snipurl;

import dev.polylink.core.ProviderOptions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

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
@Value.Immutable
@ValueStyle
public abstract class SnipurlOptions implements ProviderOptions {
  SnipurlOptions() {}

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return ImmutableSnipurlOptions.builder();
  }

  /** {@return a builder holding these options' settings} */
  public Builder toBuilder() {
    return ImmutableSnipurlOptions.builder().from(this);
  }

  /** Always {@code "snipurl"}. */
  @Override
  public String providerId() {
    return SnipurlClient.PROVIDER_ID;
  }

  /** {@return the {@code analytics_public} value to send; empty when it is left unchanged} */
  public abstract Optional<Boolean> analyticsPublic();

  /**
   * The sections to share ({@code analytics_shared_fields} as a list), in {@link AnalyticsSection}
   * order; empty when the setting is left unchanged or when {@link #sharesAllAnalyticsSections()}.
   * An empty set is a valid value: share no section.
   *
   * @return the sections to share, in section order
   */
  public abstract Optional<Set<AnalyticsSection>> analyticsSharedFields();

  /** {@return true when {@code "analytics_shared_fields": null} is sent, which SnipURL reads as "share all"} */
  @Value.Default
  public boolean sharesAllAnalyticsSections() {
    return false;
  }

  /** {@return true when nothing is set, so that these options would send nothing} */
  public boolean isEmpty() {
    return analyticsPublic().isEmpty() && analyticsSharedFields().isEmpty() && !sharesAllAnalyticsSections();
  }

  /** Lists the settings that are set, e.g. {@code SnipurlOptions{analyticsPublic=true, analyticsSharedFields=[overview]}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SnipurlOptions{");
    String sep = "";
    if (analyticsPublic().isPresent()) {
      sb.append("analyticsPublic=").append(analyticsPublic().get());
      sep = ", ";
    }
    if (analyticsSharedFields().isPresent()) {
      sb.append(sep).append("analyticsSharedFields=")
          .append(analyticsSharedFields().get().stream().map(AnalyticsSection::wireName).collect(Collectors.joining(", ", "[", "]")));
    } else if (sharesAllAnalyticsSections()) {
      sb.append(sep).append("analyticsSharedFields=all");
    }
    return sb.append('}').toString();
  }

  /**
   * Builds {@link SnipurlOptions}. For the shared sections the last call wins: {@link
   * #analyticsSharedFields(Set)} and {@link #shareAllAnalyticsSections()} replace each other.
   */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableSnipurlOptions.Builder generated() {
      return (ImmutableSnipurlOptions.Builder) this;
    }

    /**
     * Makes the link's analytics page public ({@code true}) or private ({@code false}).
     *
     * @param analyticsPublic whether the analytics page is public
     * @return this builder
     */
    public Builder analyticsPublic(boolean analyticsPublic) {
      return generated().setAnalyticsPublic(analyticsPublic);
    }

    /**
     * Shares exactly these sections of the public analytics page; sent as a list in {@link
     * AnalyticsSection} order whatever the set's own order. An empty set shares no section.
     *
     * @param sections the sections to share
     * @return this builder
     * @throws NullPointerException if the set or one of its elements is null
     */
    public Builder analyticsSharedFields(Set<AnalyticsSection> sections) {
      Objects.requireNonNull(sections, "sections");
      EnumSet<AnalyticsSection> copy = EnumSet.noneOf(AnalyticsSection.class);
      for (AnalyticsSection section : sections) {
        copy.add(Objects.requireNonNull(section, "sections element"));
      }
      return generated().setAnalyticsSharedFields(Optional.of(Collections.unmodifiableSet(copy)))
          .setSharesAllAnalyticsSections(false);
    }

    /**
     * Shares every section: sends {@code "analytics_shared_fields": null}, as SnipURL documents.
     *
     * @return this builder
     */
    public Builder shareAllAnalyticsSections() {
      return generated().setAnalyticsSharedFields(Optional.empty()).setSharesAllAnalyticsSections(true);
    }

    /** {@return the options holding the settings made} */
    public abstract SnipurlOptions build();
  }
}
