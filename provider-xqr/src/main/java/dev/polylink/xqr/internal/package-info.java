/**
 * The xQR implementation, in the shape every provider module shares: {@code XqrOperations} (opened
 * from the transport builder with the capabilities; every check, then the exchanges), {@code
 * XqrApi} (the Retrofit interface), {@code RequestBodies} and the {@code *Body} types (requests),
 * {@code LinkMapper} (responses, by the shared {@code LinkReader} policy), {@code
 * XqrErrorDecoder}, {@code XqrRateLimits} (rate-limit headers), and the {@link
 * java.util.ServiceLoader} provider {@code XqrLinkClientProvider}. Not API: it may change in any
 * release.
 */
package dev.polylink.xqr.internal;
