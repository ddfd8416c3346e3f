/**
 * The CarrierX implementation: Retrofit interface, request bodies, expiry arithmetic, response
 * mapping, error decoder and the {@link java.util.ServiceLoader} provider. Not API: it may change in
 * any release.
 */
package dev.polylink.carrierx.internal;
