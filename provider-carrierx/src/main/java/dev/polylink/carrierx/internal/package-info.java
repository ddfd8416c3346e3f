/**
 * The CarrierX implementation, in the shape every provider module shares: {@code
 * CarrierxOperations} (opened from the transport builder with the capabilities; every check, then
 * the exchanges), {@code CarrierxApi} (the Retrofit interface), {@code RequestBodies} and the
 * {@code *Body} types (requests), {@code LinkMapper} (responses, by the shared {@code LinkReader}
 * policy), {@code CarrierxErrorDecoder}, no rate-limit parser (CarrierX documents no headers), and
 * the {@link java.util.ServiceLoader} provider {@code CarrierxLinkClientProvider}. Not API: it may
 * change in any release.
 */
package dev.polylink.carrierx.internal;
