/**
 * Polylink's core: the application API ({@link dev.polylink.core}: {@code LinkClient}, the link
 * model, the exceptions, {@code LinkClients}) and the provider SPI ({@link dev.polylink.core.spi}).
 * {@code dev.polylink.core.internal} is not exported. Provider modules are found with {@link
 * java.util.ServiceLoader}: on the module path through their {@code provides}, on the class path
 * through their {@code META-INF/services} file.
 */
module dev.polylink.core {
  // In the API: LinkClientBuilder.httpClient(OkHttpClient); the SPI's transport (Retrofit) and Json (Jackson).
  // Compile time only: the annotations of the value types whose implementations Immutables generates.
  requires static org.immutables.value.annotations;
  requires transitive okhttp3;
  requires transitive retrofit2;
  requires transitive com.fasterxml.jackson.databind;
  requires retrofit2.converter.jackson;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.datatype.jdk8;
  // The SDK's log (dev.polylink.client, dev.polylink.wire); internal.Logging looks for a binding first.
  requires org.slf4j;

  exports dev.polylink.core;
  exports dev.polylink.core.spi;

  uses dev.polylink.core.spi.LinkClientProvider;
  uses org.slf4j.spi.SLF4JServiceProvider;
}
