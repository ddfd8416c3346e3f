/**
 * The SnipURL implementation, in the shape every provider module shares: {@code SnipurlOperations}
 * (opened from the transport builder with the capabilities; every check, then the exchanges),
 * {@code SnipurlApi} (the Retrofit interface), {@code RequestBodies} and the {@code *Body} types
 * (requests), {@code LinkMapper} (responses, by the shared {@code LinkReader} policy), {@code
 * SnipurlErrorDecoder}, {@code SnipurlRateLimits} (rate-limit headers), and the {@link
 * java.util.ServiceLoader} provider {@code SnipurlLinkClientProvider}. Not API: it may change in
 * any release.
 */
package dev.polylink.snipurl.internal;
