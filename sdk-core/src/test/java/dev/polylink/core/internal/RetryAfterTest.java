package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  /** Wed, 21 Oct 2015 07:28:00 GMT. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  private static Optional<Duration> parse(String header) {
    return RetryAfter.parse(header, CLOCK);
  }

  @Test
  void deltaSeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), parse("120"));
    assertEquals(Optional.of(Duration.ZERO), parse("0"));
    assertEquals(Optional.of(Duration.ofSeconds(1)), parse(" 1 "));
    assertEquals(Optional.of(Duration.ofSeconds(3600)), parse("003600"));
  }

  @Test
  void anOverflowingDeltaIsAVeryLongWaitNotNoWait() {
    // RFC 9111 section 1.2.2: a delta-seconds too large to represent is taken as a very long time.
    Optional<Duration> wait = parse("99999999999999999999999");
    assertEquals(true, wait.isPresent());
    assertEquals(true, wait.get().compareTo(Duration.ofDays(365 * 1000)) > 0, wait::toString);
  }

  @Test
  void imfFixdateRelativeToTheClock() {
    assertEquals(Optional.of(Duration.ofSeconds(30)), parse("Wed, 21 Oct 2015 07:28:30 GMT"));
    assertEquals(Optional.of(Duration.ofHours(24)), parse("Thu, 22 Oct 2015 07:28:00 GMT"));
    assertEquals(Optional.of(Duration.ofSeconds(5)), RetryAfter.parse("Wed, 21 Oct 2015 07:28:05 GMT",
        Clock.offset(Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.ofHours(9)), Duration.ZERO)));
  }

  @Test
  void obsoleteHttpDateFormatsAreAcceptedToo() {
    // RFC 9110 section 5.6.7: recipients must accept the RFC 850 and asctime formats.
    assertEquals(Optional.of(Duration.ofSeconds(30)), parse("Wednesday, 21-Oct-15 07:28:30 GMT"));
    assertEquals(Optional.of(Duration.ofSeconds(30)), parse("Wed Oct 21 07:28:30 2015"));
    assertEquals(Optional.of(Duration.ZERO), parse("Thu Oct  1 07:28:30 2015"), "space-padded day, in the past");
    assertEquals(Optional.of(Duration.ofDays(3)), parse("Saturday, 24-Oct-15 07:28:00 GMT"));
    assertEquals(Optional.of(Duration.ZERO), parse("Sunday, 06-Nov-94 08:49:37 GMT"), "94 is 1994, in the past");
    assertEquals(Optional.of(Duration.ZERO), parse("Sun Nov  6 08:49:37 1994"));
  }

  @Test
  void aDateInThePastIsAZeroWait() {
    assertEquals(Optional.of(Duration.ZERO), parse("Wed, 21 Oct 2015 07:27:59 GMT"));
    assertEquals(Optional.of(Duration.ZERO), parse("Sun, 06 Nov 1994 08:49:37 GMT"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "soon", "-5", "1.5", "+3", "12s", "Wed, 32 Oct 2015 07:28:30 GMT",
      "2015-10-21T07:28:30Z", "Wed, 21 Oct 2015"})
  void garbageIsEmpty(String header) {
    assertEquals(Optional.empty(), parse(header));
  }
}
