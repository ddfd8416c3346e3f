package dev.polylink.carrierx;

import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.WireMockTestBase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The shared WireMock base with a {@link CarrierxClient} on it: the documented token and domain, a fixed clock. */
abstract class CarrierxWireMockTest extends WireMockTestBase<CarrierxClient> {
  /** "Now" for every client built here. */
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  @Override
  protected CarrierxClient newClient() {
    return builder().build();
  }

  /** A builder on WireMock with the documented token and domain, the fixed clock and the sleeper. */
  CarrierxClient.Builder builder() {
    return baseBuilder().apiKey(CarrierxFixtures.TOKEN);
  }

  /** Like {@link #builder()} without credentials. */
  CarrierxClient.Builder baseBuilder() {
    return CarrierxClient.builder()
        .baseUrl(wm.baseUrl() + CarrierxFixtures.BASE_PATH)
        .defaultDomainSid(CarrierxFixtures.DOMAIN_SID)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper);
  }
}
