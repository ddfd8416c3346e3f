package dev.polylink.carrierx;

import dev.polylink.core.ProviderOptions;
import java.util.Objects;

/**
 * CarrierX's typed extras for {@link dev.polylink.core.CreateLinkRequest.Builder#options} and
 * {@link dev.polylink.core.LinkPatch.Builder#options}. Immutable, with value equality.
 *
 * <pre>{@code
 * CreateLinkRequest request = CreateLinkRequest.builder()
 *     .destination("https://example.com/landing")
 *     .options(CarrierxOptions.builder().reuse(true).build())
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #reuse()}: create only. Sends {@code POST /shortener/links?reuse=true}, so that
 *       CarrierX answers with an existing matching link instead of creating a new one. Passing it to
 *       an update is a {@link dev.polylink.core.RequestValidationException}.
 *   <li>{@link #proxyPass()}: sets the link's {@code mode} to {@code proxy_pass} (CarrierX serves the
 *       destination's content itself instead of redirecting). It cannot be combined with a {@link
 *       dev.polylink.core.RedirectType} in the same request, and needs the extra CarrierX scope
 *       {@code shortener.allow_link_mode_proxypass}. {@code false} (the default) sends nothing: to
 *       leave proxy-pass mode, set a redirect type.
 * </ul>
 */
public final class CarrierxOptions implements ProviderOptions {
  private final boolean reuse;
  private final boolean proxyPass;

  private CarrierxOptions(Builder b) {
    this.reuse = b.reuse;
    this.proxyPass = b.proxyPass;
  }

  /**
   * A builder with both flags off.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options' values.
   *
   * @return a new builder holding this value's fields
   */
  public Builder toBuilder() {
    return new Builder().reuse(reuse).proxyPass(proxyPass);
  }

  /** Always {@code "carrierx"}. */
  @Override
  public String providerId() {
    return CarrierxClient.PROVIDER_ID;
  }

  /** {@return whether create sends {@code ?reuse=true}} */
  public boolean reuse() {
    return reuse;
  }

  /** {@return whether the request sets {@code mode: proxy_pass}} */
  public boolean proxyPass() {
    return proxyPass;
  }

  /** Equal when both flags are equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CarrierxOptions)) {
      return false;
    }
    CarrierxOptions that = (CarrierxOptions) o;
    return reuse == that.reuse && proxyPass == that.proxyPass;
  }

  /** Consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return Objects.hash(reuse, proxyPass);
  }

  /** Both flags, e.g. {@code CarrierxOptions{reuse=true, proxyPass=false}}. */
  @Override
  public String toString() {
    return "CarrierxOptions{reuse=" + reuse + ", proxyPass=" + proxyPass + "}";
  }

  /** Builds {@link CarrierxOptions}; both flags start {@code false}. */
  public static final class Builder {
    private boolean reuse;
    private boolean proxyPass;

    private Builder() {}

    /**
     * Create only: return an existing matching link instead of creating one ({@code ?reuse=true}).
     *
     * @param reuse create only: return an existing matching link instead of creating one ({@code
     *     ?reuse=true})
     * @return this builder
     */
    public Builder reuse(boolean reuse) {
      this.reuse = reuse;
      return this;
    }

    /**
     * Set the link's {@code mode} to {@code proxy_pass}; see {@link CarrierxOptions}.
     *
     * @param proxyPass set the link's {@code mode} to {@code proxy_pass}; see {@link
     *     CarrierxOptions}
     * @return this builder
     */
    public Builder proxyPass(boolean proxyPass) {
      this.proxyPass = proxyPass;
      return this;
    }

    /** {@return the options} */
    public CarrierxOptions build() {
      return new CarrierxOptions(this);
    }
  }
}
