/**
 * The CarrierX provider of Polylink: exports {@link dev.polylink.carrierx} only, and registers itself with
 * {@code LinkClients} under the id {@code "carrierx"}.
 */
module dev.polylink.carrierx {
  // Compile time only: the annotations of the value types whose implementations Immutables generates.
  requires static org.immutables.value.annotations;
  requires transitive dev.polylink.core;

  exports dev.polylink.carrierx;

  // Jackson reads and writes the request and response bodies (records) in the internal package.
  opens dev.polylink.carrierx.internal to com.fasterxml.jackson.databind;

  provides dev.polylink.core.spi.LinkClientProvider with dev.polylink.carrierx.internal.CarrierxLinkClientProvider;
}
