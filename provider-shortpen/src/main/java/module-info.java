/**
 * The ShortPen provider of Polylink: exports {@link dev.polylink.shortpen} only, and registers itself with
 * {@code LinkClients} under the id {@code "shortpen"}.
 */
module dev.polylink.shortpen {
  // Compile time only: the annotations of the value types whose implementations Immutables generates.
  requires static org.immutables.value.annotations;
  requires transitive dev.polylink.core;

  exports dev.polylink.shortpen;

  // Jackson reads and writes the request and response bodies (records) in the internal package.
  opens dev.polylink.shortpen.internal to com.fasterxml.jackson.databind;

  provides dev.polylink.core.spi.LinkClientProvider with dev.polylink.shortpen.internal.ShortpenLinkClientProvider;
}
