/**
 * The ShortPen implementation, in the shape every provider module shares: {@code
 * ShortpenOperations} (opened from the transport builder with the capabilities; every check, then
 * the exchanges), {@code ShortpenApi} (the Retrofit interface), {@code RequestBodies} and the
 * {@code *Body} types (requests), {@code LinkMapper} (responses, by the shared {@code LinkReader}
 * policy), {@code ShortpenErrorDecoder}, {@code ShortpenRateLimits} (rate-limit headers), and the
 * {@link java.util.ServiceLoader} provider {@code ShortpenLinkClientProvider}. Not API: it may
 * change in any release.
 */
package dev.polylink.shortpen.internal;
