/**
 * Micrometer meters and observations of Polylink clients: {@code MicrometerListener}, a {@code
 * LinkClientListener}. Micrometer's jars are automatic modules ({@code micrometer.core}, {@code
 * micrometer.observation}).
 */
module dev.polylink.micrometer {
  requires transitive dev.polylink.core;
  // In the API: MicrometerListener.create(MeterRegistry, ObservationRegistry).
  requires transitive micrometer.core;
  requires transitive micrometer.observation;

  exports dev.polylink.micrometer;
}
