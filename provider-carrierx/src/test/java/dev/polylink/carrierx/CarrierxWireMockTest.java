package dev.polylink.carrierx;

import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.RecordingSleeper;
import dev.polylink.core.testing.WireMockTestBase;
import java.time.Instant;

/** The shared WireMock base with a {@link CarrierxClient} on it: the documented token and domain, a clock at {@link #NOW} moved only by the sleeper. */
abstract class CarrierxWireMockTest extends WireMockTestBase<CarrierxClient> {
  /** "Now" for every client built here. */
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  @Override
  protected CarrierxClient newClient() {
    return builder().build();
  }

  /** The clock stands at {@link #NOW} and moves only by the sleeper's waits. */
  @Override
  protected RecordingSleeper newSleeper() {
    return RecordingSleeper.startingAt(NOW);
  }

  /** A builder on WireMock with the documented token and domain, a clock at {@link #NOW} that the sleeper's waits move, and the sleeper. */
  CarrierxClient.Builder builder() {
    return baseBuilder().apiKey(CarrierxFixtures.TOKEN);
  }

  /** Like {@link #builder()} without credentials. */
  CarrierxClient.Builder baseBuilder() {
    return CarrierxClient.builder()
        .baseUrl(wm.baseUrl() + CarrierxFixtures.BASE_PATH)
        .defaultDomainSid(CarrierxFixtures.DOMAIN_SID)
        .clock(sleeper.clock())
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper)
        .addListener(sleeper);
  }
}
