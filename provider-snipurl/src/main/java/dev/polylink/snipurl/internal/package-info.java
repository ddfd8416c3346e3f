/**
 * The SnipURL implementation: Retrofit interface, request bodies, response mapping, error decoder,
 * rate-limit parser and the {@link java.util.ServiceLoader} provider. Not API: it may change in any
 * release.
 */
package dev.polylink.snipurl.internal;
