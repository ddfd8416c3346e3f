package dev.polylink.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Link;
import dev.polylink.core.RateLimit;
import dev.polylink.testkit.EmulatorExtension;
import dev.polylink.testkit.ProviderEmulator;
import dev.polylink.testkit.XqrEmulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetargetCommandTest {
  static final String TARGET = DemoLinks.SUMMER_URL;

  @RegisterExtension
  static final EmulatorExtension XQR = EmulatorExtension.of("xqr");
  @RegisterExtension
  static final EmulatorExtension SNIPURL = EmulatorExtension.of("snipurl");
  @RegisterExtension
  static final EmulatorExtension CARRIERX = EmulatorExtension.of("carrierx");

  private static Clients emulators() {
    return Clients.builder()
        .emulator(XQR.emulator())
        .emulator(SNIPURL.emulator())
        .emulator(CARRIERX.emulator())
        .build();
  }

  @Test
  void movesEveryLabelledLinkAndWaitsOutTheRateLimit() {
    ProviderEmulator xqr = XQR.emulator();
    DemoLinks.seed(XQR.client());
    // 1 list + 3 updates against 2 requests a second: two updates must wait for the next window.
    xqr.rateLimit(2, Duration.ofSeconds(1));
    // The client's own retry (Clients.RETRY_POLICY) is the only one; it waits through the sleeper,
    // which moves the emulator's clock by the Retry-After instead of sleeping for real. Without
    // pacing, so that the vendor's 429s are what the client meets (see the next test for the default).
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Clients clients = Clients.builder()
        .emulator(xqr)
        .rateLimit(RateLimit.none())
        .sleeper(wait -> {
          waits.add(wait);
          xqr.clock().advance(wait);
        })
        .build();

    Runner.Result result = Runner.run(clients,
        "retarget", "--provider", "xqr", "--label", DemoLinks.LABEL, "--to", TARGET, "--concurrency", "3");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Found 4 link(s) labelled 'spring-sale' on xqr."), result::toString);
    assertTrue(result.out().contains("Updated: 3, unchanged: 1, failed: 0"), result::toString);
    assertTrue(result.out().lines().noneMatch(l -> l.startsWith("  failed")), result::toString);
    assertTrue(result.err().contains("Retargeting 100%"), result::toString);
    assertTrue(result.errorLines().isEmpty(), result::toString);

    List<Map<String, Object>> links = xqr.links();
    assertEquals(DemoLinks.COUNT, links.size());
    for (Map<String, Object> link : links) {
      boolean onSale = ((List<?>) link.get("labels")).contains(DemoLinks.LABEL);
      if (onSale) {
        assertEquals(TARGET, link.get("destination"), link.toString());
      } else {
        assertTrue(!TARGET.equals(link.get("destination")), link.toString());
      }
    }
    long limited = xqr.wireMock().getAllServeEvents().stream()
        .filter(e -> e.getResponse().getStatus() == 429).count();
    assertTrue(limited >= 1, "the rate limit was never hit, so the test proves nothing");
    assertEquals(limited, waits.size(), "one wait per 429: " + waits);
    assertTrue(waits.stream().allMatch(Duration.ofSeconds(1)::equals), "each wait is xQR's Retry-After: " + waits);
  }

  /**
   * The same retarget with the SDK's default pacing: the client learns xQR's burst limit from the
   * first answer's {@code X-RateLimit-Burst-Limit} and spaces the rest below it; its waits pass on
   * the emulator's clock (Clients' default for an embedded emulator). At most one request is
   * answered 429: the emulator's window opens when the first request arrives, which its new
   * connection may delay past the 2 % margin of the client's slots.
   */
  @Test
  void withTheDefaultPacingTheRateLimitIsHitAtMostOnce() {
    ProviderEmulator xqr = XQR.emulator();
    DemoLinks.seed(XQR.client());
    xqr.rateLimit(2, Duration.ofSeconds(1));
    Clients clients = Clients.builder().emulator(xqr).build();

    Runner.Result result = Runner.run(clients,
        "retarget", "--provider", "xqr", "--label", DemoLinks.LABEL, "--to", TARGET, "--concurrency", "3");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Updated: 3, unchanged: 1, failed: 0"), result::toString);
    assertTrue(xqr.wireMock().getAllServeEvents().stream()
        .filter(e -> e.getResponse().getStatus() == 429).count() <= 1, "paced below the vendor's limit");
    // The 4 labelled links: 3 updated, 1 already there.
    assertEquals(4, xqr.links().stream().filter(l -> TARGET.equals(l.get("destination"))).count());
  }

  @Test
  void theProgressBarSaysWhileItWaitsForTheRateLimitAndTheSummaryCountsRequestsAnd429s() {
    ProviderEmulator xqr = XQR.emulator();
    DemoLinks.seed(XQR.client());
    xqr.wireMock().resetRequests();
    xqr.rateLimit(2, Duration.ofSeconds(1));
    // Retries wait on the emulator's clock; the command shows when a wait ends on its own clock.
    Clients clients = Clients.builder()
        .emulator(xqr)
        .rateLimit(RateLimit.none()) // the 429's wait is what the bar shows here
        .sleeper(wait -> xqr.clock().advance(wait))
        .clock(Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC))
        .build();

    Runner.Result result = Runner.run(clients,
        "retarget", "--provider", "xqr", "--label", DemoLinks.LABEL, "--to", TARGET, "--concurrency", "1");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(result.err().contains("waiting 0:00:01 for xqr's rate limit (until 10:00:01)"), result::toString);
    assertTrue(result.errorLines().isEmpty(), "the status is in the progress bar's frames only: " + result);
    long requests = xqr.wireMock().getAllServeEvents().size();
    long limited = xqr.wireMock().getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 429).count();
    assertTrue(limited >= 1, "the rate limit was never hit, so the test proves nothing");
    assertTrue(result.out().contains("Requests: " + requests + ", answered 429: " + limited + ", waited 0:00:0"
        + limited + " for rate limits.\n"), result::toString);
  }

  @Test
  void withNothingToMoveTheSummaryCountsTheListRequestOnly() {
    // The summary line is there whatever happened; without a 429 it counts the list only.
    DemoLinks.seed(XQR.client());
    Runner.Result result = Runner.run(emulators(),
        "retarget", "--provider", "xqr", "--label", "no-such-label", "--to", TARGET);

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Updated: 0, unchanged: 0, failed: 0.\nRequests: 1, answered 429: 0, waited"
        + " 0:00:00 for rate limits.\n"), result::toString);
  }

  @Test
  void aBurstLimitThatOutlastsTheClientsAttemptsFailsThoseLinksOnly() {
    ProviderEmulator xqr = XQR.emulator();
    DemoLinks.seed(XQR.client());
    // A frozen clock that no wait moves: the window of 2 requests a minute never closes, so after
    // the list and one update every request is answered 429 with Retry-After: 60.
    xqr.clock().set(Instant.parse("2025-03-01T10:00:00Z"));
    xqr.rateLimit(2, Duration.ofMinutes(1));
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Clients clients = Clients.builder().emulator(xqr).rateLimit(RateLimit.none()).sleeper(waits::add).build();

    Runner.Result result = Runner.run(clients,
        "retarget", "--provider", "xqr", "--label", DemoLinks.LABEL, "--to", TARGET, "--concurrency", "1");

    assertEquals(PolylinkExamples.EXIT_FAILED, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Updated: 1, unchanged: 1, failed: 2."), result::toString);
    List<String> failures = result.out().lines().filter(l -> l.startsWith("  failed")).toList();
    assertEquals(2, failures.size(), result::toString);
    assertTrue(failures.stream().allMatch(l -> l.contains("Too many requests")), failures::toString);
    assertEquals(2, xqr.links().stream().filter(l -> TARGET.equals(l.get("destination"))).count(),
        xqr.links()::toString);
    // One retry layer: 8 attempts (7 waits of the vendor's Retry-After) for each failed link, not 8 x 8.
    long limited = xqr.wireMock().getAllServeEvents().stream()
        .filter(e -> e.getResponse().getStatus() == 429).count();
    assertEquals(2 * Clients.RETRY_POLICY.maxAttempts(), limited);
    assertEquals(2 * (Clients.RETRY_POLICY.maxAttempts() - 1), waits.size(), waits::toString);
    assertTrue(waits.stream().allMatch(Duration.ofSeconds(60)::equals), waits::toString);
  }

  static Stream<Arguments> rateLimitsTheClientDoesNotWaitFor() {
    return Stream.of(
        Arguments.of("a monthly quota", (Consumer<XqrEmulator>) xqr -> xqr.monthlyQuota(DemoLinks.COUNT + 2),
            "Monthly API quota"),
        Arguments.of("a Retry-After beyond 2 minutes", (Consumer<XqrEmulator>) xqr -> {
          xqr.clock().set(Instant.parse("2025-03-01T10:00:00Z"));
          xqr.rateLimit(2, Duration.ofMinutes(5));
        }, "Too many requests"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rateLimitsTheClientDoesNotWaitFor")
  void aRateLimitTheClientDoesNotWaitForFailsThoseLinksAtOnce(
      String what, Consumer<XqrEmulator> limit, String reason) {
    XqrEmulator xqr = XQR.emulator(XqrEmulator.class);
    DemoLinks.seed(XQR.client());
    // After the seeding, 2 requests (the list and one update) get through; every later one is a 429
    // the client does not wait for (the quota counts the 6 creates too).
    limit.accept(xqr);
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Clients clients = Clients.builder().emulator(xqr).rateLimit(RateLimit.none()).sleeper(waits::add).build();

    Runner.Result result = Runner.run(clients,
        "retarget", "--provider", "xqr", "--label", DemoLinks.LABEL, "--to", TARGET, "--concurrency", "1");

    assertEquals(PolylinkExamples.EXIT_FAILED, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Updated: 1, unchanged: 1, failed: 2."), result::toString);
    List<String> failures = result.out().lines().filter(l -> l.startsWith("  failed")).toList();
    assertEquals(2, failures.size(), result::toString);
    assertTrue(failures.stream().allMatch(l -> l.contains(reason)), failures::toString);
    long limited = xqr.wireMock().getAllServeEvents().stream()
        .filter(e -> e.getResponse().getStatus() == 429).count();
    assertEquals(2, limited, "one request per failed link, never retried");
    assertEquals(List.of(), waits);
  }

  @Test
  void withoutConfigurationItSeedsItsOwnEmulator() {
    Runner.Result result = Runner.run(Clients.builder().build(),
        "retarget", "--provider", "xqr", "--label", DemoLinks.LABEL, "--to", TARGET);

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("Using an embedded xqr emulator at http://127.0.0.1:"), result::toString);
    assertTrue(result.out().contains("Seeded the emulator with 6 demo links."), result::toString);
    assertTrue(result.out().contains("Updated: 3, unchanged: 1, failed: 0."), result::toString);
  }

  @Test
  void aDryRunChangesNothing() {
    List<Link> seeded = DemoLinks.seed(XQR.client());

    Runner.Result result = Runner.run(emulators(),
        "retarget", "--provider", "xqr", "--label", DemoLinks.LABEL, "--to", TARGET, "--dry-run");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertEquals(3, result.out().lines().filter(l -> l.startsWith("  would update  ")).count(), result::toString);
    assertTrue(result.out().contains("Dry run: 3 would be updated, 1 unchanged. Nothing was changed."), result::toString);
    List<Object> before = seeded.stream().map(l -> (Object) l.destination().orElseThrow().toString()).toList();
    List<Object> after = XQR.emulator().links().stream().map(l -> l.get("destination")).toList();
    assertEquals(before, after);
  }

  @Test
  void aLinkThatFailsIsReportedWithItsReasonAndTheRestAreMoved() {
    List<Link> seeded = DemoLinks.seed(XQR.client());
    Link hats = seeded.get(1);
    String path = URI.create(XQR.emulator().baseUrl()).getPath() + "/v1/links/" + hats.id();
    XQR.emulator().wireMock().stubFor(patch(urlPathEqualTo(path)).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url: domain is blocked\",\"status\":422},"
            + "\"meta\":{\"request_id\":\"req_test\"}}")));

    Runner.Result result = Runner.run(emulators(),
        "retarget", "--provider", "xqr", "--label", DemoLinks.LABEL, "--to", TARGET);

    assertEquals(PolylinkExamples.EXIT_FAILED, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Updated: 2, unchanged: 1, failed: 1."), result::toString);
    String failure = result.out().lines().filter(l -> l.startsWith("  failed")).findFirst().orElse("");
    assertTrue(failure.contains(hats.shortUrl() + " (id " + hats.id() + "): "), failure);
    assertTrue(failure.contains("domain is blocked"), failure);
  }

  @Test
  void snipurlCannotChangeADestinationAndNothingIsSent() {
    Runner.Result result = Runner.run(emulators(),
        "retarget", "--provider", "snipurl", "--search", "spring", "--to", TARGET);

    assertEquals(PolylinkExamples.EXIT_UNSUPPORTED, result.exitCode(), result::toString);
    assertEquals(List.of("polylink-examples retarget: error: snipurl cannot change a link's destination "
        + "(it can update: title, enabled, expires_at, password); nothing was changed"), result.errorLines());
    assertTrue(SNIPURL.emulator().wireMock().getAllServeEvents().isEmpty(), "no request before the check");
    assertEquals("", result.out());
  }

  @Test
  void aProviderThatCannotFilterByTheCriterionSaysSo() {
    Runner.Result carrierx = Runner.run(emulators(),
        "retarget", "--provider", "carrierx", "--label", "spring-sale", "--to", TARGET);
    Runner.Result xqr = Runner.run(emulators(),
        "retarget", "--provider", "xqr", "--search", "spring", "--to", TARGET);

    assertEquals(PolylinkExamples.EXIT_UNSUPPORTED, carrierx.exitCode(), carrierx::toString);
    assertEquals(List.of("polylink-examples retarget: error: carrierx cannot list links by label "
        + "(its list filters: none); nothing was changed"), carrierx.errorLines());
    assertEquals(PolylinkExamples.EXIT_UNSUPPORTED, xqr.exitCode(), xqr::toString);
    assertEquals(List.of("polylink-examples retarget: error: xqr cannot list links by search "
        + "(its list filters: label, enabled); nothing was changed"), xqr.errorLines());
    assertTrue(CARRIERX.emulator().wireMock().getAllServeEvents().isEmpty());
    assertTrue(XQR.emulator().wireMock().getAllServeEvents().isEmpty());
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(List.of("--provider", "xqr", "--label", "a"), "Missing required option: '--to=URL'"),
        Arguments.of(List.of("--provider", "xqr", "--to", TARGET),
            "Missing required argument (specify one of these): (--label=LABEL | --search=TEXT)"),
        Arguments.of(List.of("--provider", "xqr", "--label", "a", "--search", "b", "--to", TARGET),
            "--label=LABEL, --search=TEXT are mutually exclusive (specify only one)"),
        Arguments.of(List.of("--provider", "xqr", "--label", "a", "--to", "shop.example.com/summer"),
            "--to: 'shop.example.com/summer' is not an absolute http or https URL"),
        Arguments.of(List.of("--provider", "bitly", "--label", "a", "--to", TARGET),
            "unknown provider 'bitly' (known: carrierx, shortpen, snipurl, xqr)"),
        Arguments.of(List.of("--provider", "xqr", "--label", "a", "--to", TARGET, "--concurrency", "0"),
            "--concurrency: must be between 1 and 64 (was 0)"),
        Arguments.of(List.of("--provider", "xqr", "--label", "a", "--to", TARGET, "--concurrency", "four"),
            "Invalid value for option '--concurrency': 'four' is not an int"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void aBadArgumentIsOneLineAndExitsTwo(List<String> arguments, String message) {
    List<String> args = new ArrayList<>(List.of("retarget"));
    args.addAll(arguments);

    Runner.Result result = Runner.run(emulators(), args.toArray(String[]::new));

    assertEquals(PolylinkExamples.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals(List.of("polylink-examples retarget: error: " + message
        + " (see 'polylink-examples retarget --help')"), result.errorLines());
    assertEquals("", result.out());
    assertTrue(XQR.emulator().wireMock().getAllServeEvents().isEmpty());
  }
}
