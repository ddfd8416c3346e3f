package dev.polylink.carrierx;

import dev.polylink.core.ProviderOptions;
import org.immutables.value.Value;

/**
 * CarrierX's typed extras for {@link dev.polylink.core.CreateLinkRequest.Builder#options} and
 * {@link dev.polylink.core.LinkPatch.Builder#options}. Immutable, with value equality; {@code
 * toString()} shows both flags, e.g. {@code CarrierxOptions{reuse=true, proxyPass=false}}.
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
@Value.Immutable
@ValueStyle
public abstract class CarrierxOptions implements ProviderOptions {
  CarrierxOptions() {}

  /** {@return a builder with both flags off} */
  public static Builder builder() {
    return ImmutableCarrierxOptions.builder();
  }

  /** {@return a builder holding these options' values} */
  public Builder toBuilder() {
    return ImmutableCarrierxOptions.builder().from(this);
  }

  /** Always {@code "carrierx"}. */
  @Override
  public String providerId() {
    return CarrierxClient.PROVIDER_ID;
  }

  /** {@return whether create sends {@code ?reuse=true}} */
  @Value.Default
  public boolean reuse() {
    return false;
  }

  /** {@return whether the request sets {@code mode: proxy_pass}} */
  @Value.Default
  public boolean proxyPass() {
    return false;
  }

  /** Builds {@link CarrierxOptions}; both flags start {@code false}. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableCarrierxOptions.Builder generated() {
      return (ImmutableCarrierxOptions.Builder) this;
    }

    /**
     * Create only: return an existing matching link instead of creating one ({@code ?reuse=true}).
     *
     * @param reuse whether to return an existing matching link
     * @return this builder
     */
    public Builder reuse(boolean reuse) {
      return generated().setReuse(reuse);
    }

    /**
     * Set the link's {@code mode} to {@code proxy_pass}; see {@link CarrierxOptions}.
     *
     * @param proxyPass whether to set {@code mode: proxy_pass}
     * @return this builder
     */
    public Builder proxyPass(boolean proxyPass) {
      return generated().setProxyPass(proxyPass);
    }

    /** {@return the options} */
    public abstract CarrierxOptions build();
  }
}
