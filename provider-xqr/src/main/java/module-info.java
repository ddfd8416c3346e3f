/**
 * The xQR provider of Polylink: exports {@link dev.polylink.xqr} only, and registers itself with
 * {@code LinkClients} under the id {@code "xqr"}.
 */
module dev.polylink.xqr {
  // Compile time only: the annotations of the value types whose implementations Immutables generates.
  requires static org.immutables.value.annotations;
  requires transitive dev.polylink.core;

  exports dev.polylink.xqr;

  // Jackson reads and writes the request and response bodies (records) in the internal package.
  opens dev.polylink.xqr.internal to com.fasterxml.jackson.databind;

  provides dev.polylink.core.spi.LinkClientProvider with dev.polylink.xqr.internal.XqrLinkClientProvider;
}
