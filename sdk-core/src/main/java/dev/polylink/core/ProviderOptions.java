package dev.polylink.core;

/**
 * Marker for a provider's typed extras ({@code XqrOptions}, {@code ShortpenOptions}, ...), passed
 * through {@link CreateLinkRequest.Builder#options(ProviderOptions)} or {@link
 * LinkPatch.Builder#options(ProviderOptions)}. A client given another provider's options rejects the
 * request with a {@link RequestValidationException} before sending anything.
 */
public interface ProviderOptions {
  /** {@return the id of the provider these options belong to, e.g. {@code "xqr"}} */
  String providerId();
}
