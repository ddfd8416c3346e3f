package dev.polylink.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.testkit.MutableClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The emulators' shared helpers on their own: how a click's device and browser are read from a
 * {@code User-Agent}, which clicks a day range keeps, forgetting a link's clicks, ranking, and the
 * JSON type names and whole numbers the validation messages are built from, generated codes, and
 * the window limiter's settings.
 */
class EmulatorHelpersTest {
  @Test
  void theDeviceAndBrowserComeFromTheUserAgent() {
    assertEquals("tablet", ClickLog.device("Mozilla/5.0 (iPad; CPU OS 17_0) Mobile/15E148 Safari/604.1"));
    assertEquals("tablet", ClickLog.device("Mozilla/5.0 (Linux; Android 13; Tablet) Chrome/120.0"));
    assertEquals("mobile", ClickLog.device("Mozilla/5.0 (Linux; Android 13; Pixel 7) Chrome/120.0"));
    assertEquals("mobile", ClickLog.device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1"));
    assertEquals("mobile", ClickLog.device("Opera/9.80 (J2ME/MIDP; Opera Mini) Mobile"));
    assertEquals("desktop", ClickLog.device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0"));
    assertEquals("Edge", ClickLog.browser("Mozilla/5.0 Chrome/120.0 Safari/537.36 Edg/120.0"));
    assertEquals("Firefox", ClickLog.browser("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"));
    assertEquals("Chrome", ClickLog.browser("Mozilla/5.0 AppleWebKit/537.36 Chrome/120.0 Safari/537.36"));
    assertEquals("Safari", ClickLog.browser("Mozilla/5.0 AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15"));
    assertEquals("Other", ClickLog.browser("curl/8.4.0"));
  }

  @Test
  void aRangeKeepsItsFirstAndLastDayAndForgettingTakesOneLinkOnly() {
    ClickLog log = new ClickLog();
    log.record("1", Instant.parse("2026-03-19T23:59:59Z"), null);
    log.record("1", Instant.parse("2026-03-20T00:00:00Z"), null);
    log.record("2", Instant.parse("2026-03-20T12:00:00Z"), null);
    log.record("1", Instant.parse("2026-03-21T23:59:59Z"), null);
    log.record("1", Instant.parse("2026-03-22T00:00:00Z"), null);
    LocalDate from = LocalDate.parse("2026-03-20");
    LocalDate to = LocalDate.parse("2026-03-21");
    assertEquals(List.of("2026-03-20T00:00:00Z", "2026-03-21T23:59:59Z"),
        log.of("1", from, to).stream().map(c -> c.at().toString()).collect(Collectors.toList()));
    assertEquals(4, log.of("1", null, null).size());
    assertEquals(3, log.of("1", from, null).size());
    assertEquals(3, log.of("1", null, to).size());
    assertEquals(null, log.of("1", null, null).get(0).device());
    assertEquals(Map.of(LocalDate.parse("2026-03-19"), 1L, from, 2L, to, 1L, LocalDate.parse("2026-03-22"), 1L),
        ClickLog.perDay(log.all(c -> true)));

    List<Map.Entry<String, Long>> ranked = ClickLog.ranked(log.all(c -> true), ClickLog.Click::linkKey);
    assertEquals(List.of(Map.entry("1", 4L), Map.entry("2", 1L)), ranked);
    ClickLog ties = new ClickLog();
    ties.record("b", Instant.EPOCH, null);
    ties.record("a", Instant.EPOCH, null);
    ties.record("c", Instant.EPOCH, null);
    ties.record("c", Instant.EPOCH, null);
    assertEquals(List.of(Map.entry("c", 2L), Map.entry("a", 1L), Map.entry("b", 1L)),
        ClickLog.ranked(ties.all(c -> true), ClickLog.Click::linkKey));

    log.forget("1");
    assertEquals(List.of("2"), log.all(c -> true).stream().map(ClickLog.Click::linkKey).collect(Collectors.toList()));
    log.forget("3");
    assertEquals(1, log.all(c -> true).size());
  }

  @Test
  void jsonTypesAndWholeNumbersAsValidationNamesThem() {
    assertEquals("null", Values.jsonType(null));
    assertEquals("string", Values.jsonType(""));
    assertEquals("number", Values.jsonType(1.5));
    assertEquals("boolean", Values.jsonType(false));
    assertEquals("array", Values.jsonType(List.of()));
    assertEquals("object", Values.jsonType(Map.of()));

    assertEquals(OptionalLong.of(Long.MAX_VALUE), Values.wholeNumber((Object) BigInteger.valueOf(Long.MAX_VALUE)));
    assertEquals(OptionalLong.empty(), Values.wholeNumber((Object) BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)));
    assertEquals(OptionalLong.of(Long.MIN_VALUE), Values.wholeNumber((Object) BigInteger.valueOf(Long.MIN_VALUE)));
    assertEquals(OptionalLong.of(7), Values.wholeNumber((Object) 7));
    assertEquals(OptionalLong.empty(), Values.wholeNumber((Object) new BigDecimal("7.0")));
    assertEquals(OptionalLong.empty(), Values.wholeNumber((Object) "7"));

    assertEquals(true, Values.isHttpUrl("https://example.com"));
    assertEquals(true, Values.isHttpUrl("HTTP://example.com/a"));
    assertEquals(false, Values.isHttpUrl("ftp://example.com"));
    assertEquals(false, Values.isHttpUrl("https:///path"));
    assertEquals(false, Values.isHttpUrl("example.com"));
    assertEquals(false, Values.isHttpUrl("https://exa mple.com"));
    assertEquals(false, Values.isHttpUrl("https://example.com/%zz"));
  }

  @Test
  void codesAreAtLeastFiveCharactersAndSkipTakenOnes() {
    assertEquals("codes must be at least 5 characters long",
        assertThrows(IllegalArgumentException.class, () -> Codes.uniqueCode(4, c -> false)).getMessage());
    assertEquals(true, Codes.uniqueCode(5, c -> false).matches("[0-9A-Za-z]{5}"));
    AtomicInteger asked = new AtomicInteger();
    String code = Codes.uniqueCode(6, c -> asked.incrementAndGet() < 4);
    assertEquals(4, asked.get());
    assertEquals(6, code.length());
  }

  @Test
  void configuringTheLimiterAgainStartsCountingAfresh() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-21T00:00:00Z"));
    WindowLimiter limiter = new WindowLimiter(clock);
    assertEquals("requests must be at least 1 (was 0)",
        assertThrows(IllegalArgumentException.class, () -> limiter.configure(0, Duration.ofMinutes(1))).getMessage());
    assertEquals("window must be positive (was PT0S)",
        assertThrows(IllegalArgumentException.class, () -> limiter.configure(1, Duration.ZERO)).getMessage());
    limiter.configure(1, Duration.ofMillis(1));
    assertEquals(true, limiter.acquire().allowed());
    assertEquals(false, limiter.acquire().allowed());
    limiter.configure(1, Duration.ofMinutes(1));
    assertEquals(true, limiter.acquire().allowed());
    assertEquals(false, limiter.acquire().allowed());
  }

  @Test
  void theMediaTypeAndTheQueryAreReadAsServersReadThem() {
    assertEquals("application/json",
        request("/x", Map.of("Content-Type", "Application/JSON ; charset=utf-8")).mediaType());
    assertEquals("", request("/x", Map.of("Content-Type", ";charset=utf-8")).mediaType());
    assertEquals("", request("/x", Map.of()).mediaType());
    EmulatorRequest query = request("/x?=empty-name&flag&a=1&a=2&b=x%20y+z", Map.of());
    assertEquals(java.util.Optional.of("empty-name"), query.query(""));
    assertEquals(java.util.Optional.of(""), query.query("flag"));
    assertEquals(java.util.Optional.of("1"), query.query("a"));
    assertEquals(java.util.Optional.of("x y z"), query.query("b"));
    assertEquals(List.of("x"), query.segments());
  }

  private static EmulatorRequest request(String url, Map<String, String> headers) {
    return new EmulatorRequest("POST", url, headers, new byte[0]);
  }
}
