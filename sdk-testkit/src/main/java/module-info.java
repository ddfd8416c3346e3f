/**
 * Polylink's test kit: embedded emulators of the vendor APIs ({@link dev.polylink.testkit}) and a
 * JUnit 5 extension. Exports {@code dev.polylink.testkit} only.
 */
module dev.polylink.testkit {
  requires transitive dev.polylink.core;
  // ProviderEmulator.wireMock() is WireMock's server. wiremock-standalone has no module descriptor
  // (its jar's name gives the automatic module's).
  requires transitive wiremock.standalone;
  // Only for EmulatorExtension, an optional dependency: a program that embeds the emulators
  // without JUnit does not need it.
  requires static transitive org.junit.jupiter.api;

  exports dev.polylink.testkit;

  // Jackson reads the emulators' request bodies into records of the internal package.
  opens dev.polylink.testkit.internal to com.fasterxml.jackson.databind;
}
