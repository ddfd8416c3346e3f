/**
 * The SnipURL provider of Polylink: exports {@link dev.polylink.snipurl} only, and registers itself with
 * {@code LinkClients} under the id {@code "snipurl"}.
 */
module dev.polylink.snipurl {
  // Compile time only: the annotations of the value types whose implementations Immutables generates.
  requires static org.immutables.value.annotations;
  requires transitive dev.polylink.core;

  exports dev.polylink.snipurl;

  // Jackson reads and writes the request and response bodies (records) in the internal package.
  opens dev.polylink.snipurl.internal to com.fasterxml.jackson.databind;

  provides dev.polylink.core.spi.LinkClientProvider with dev.polylink.snipurl.internal.SnipurlLinkClientProvider;
}
