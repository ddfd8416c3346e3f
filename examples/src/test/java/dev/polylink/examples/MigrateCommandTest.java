package dev.polylink.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.RedirectType;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.polylink.testkit.EmulatorExtension;
import dev.polylink.testkit.SnipurlEmulator;
import dev.polylink.testkit.XqrEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class MigrateCommandTest {
  @RegisterExtension
  static final EmulatorExtension XQR = EmulatorExtension.of("xqr");
  @RegisterExtension
  static final EmulatorExtension SHORTPEN = EmulatorExtension.of("shortpen");
  @RegisterExtension
  static final EmulatorExtension SNIPURL = EmulatorExtension.of("snipurl");

  private static Clients emulators() {
    return Clients.builder()
        .emulator(XQR.emulator())
        .emulator(SHORTPEN.emulator())
        .emulator(SNIPURL.emulator())
        .build();
  }

  @Test
  void copiesXqrLinksToSnipurlAndNamesTheLabelsItCannotKeep() {
    List<Link> seeded = DemoLinks.seed(XQR.client());
    Link docs = seeded.get(4);
    XQR.client().update(docs.id(), LinkPatch.builder().enabled(false).build());

    // Plain picocli, as a user would wire it: the command's own output goes to the given streams.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    int exitCode = new CommandLine(new PolylinkExamples(stream, stream, emulators()))
        .execute("migrate", "--from", "xqr", "--to", "snipurl");
    String report = out.toString(StandardCharsets.UTF_8);

    assertEquals(PolylinkExamples.EXIT_OK, exitCode, report);
    Map<String, Map<String, Object>> copies = byKey(SNIPURL.emulator().links(), "short_code");
    assertEquals(DemoLinks.COUNT, copies.size(), copies.toString());
    for (Link original : seeded) {
      Map<String, Object> copy = copies.get(original.shortCode());
      assertEquals(original.destination().orElseThrow().toString(), copy.get("original_url"), copy.toString());
      assertEquals(!original.equals(docs), copy.get("is_active"), copy.toString());
    }
    Link bags = seeded.get(2);
    assertEquals(bags.expiresAt().orElseThrow(), Instant.parse((String) copies.get("spring-bags").get("expires_at")));
    assertNull(copies.get("spring-hats").get("expires_at"));

    assertTrue(report.contains("copied   spring-shoes -> " + SNIPURL.emulator().serverUrl() + "/spring-shoes\n"
        + "  kept: destination, slug\n"
        + "  not carried over: labels: snipurl cannot set labels on create (spring-sale, shoes)\n"), report);
    assertTrue(report.contains("  kept: destination, slug, expires_at\n"), report);
    assertTrue(report.contains("  kept: destination, slug, enabled (disabled after create)\n"), report);
    assertEquals(DemoLinks.COUNT, report.lines().filter(l -> l.startsWith("  not carried over: labels: ")).count());
    assertTrue(report.contains("Copied 6 of 6 link(s) from xqr to snipurl: 0 failed, 0 skipped."), report);
  }

  @Test
  void theCopiesToSnipurlAreOneBulkRequestAndTheSummaryCountsTheRequests() {
    List<Link> seeded = DemoLinks.seed(XQR.client());
    XQR.client().update(seeded.get(4).id(), LinkPatch.builder().enabled(false).build());
    XQR.emulator().wireMock().resetRequests();

    Runner.Result result = Runner.run(emulators(), "migrate", "--from", "xqr", "--to", "snipurl");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    WireMockServer snipurl = SNIPURL.emulator().wireMock();
    snipurl.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links/bulk")));
    snipurl.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    snipurl.verify(1, patchRequestedFor(urlPathMatching("/api/v1/links/.*")));
    // the list on xqr, the bulk create and the disabling PATCH on snipurl
    // The waits are the default pacing's at SnipURL's 60 a minute (on the emulator's clock), not 429s.
    assertTrue(result.out().contains("Copied 6 of 6 link(s) from xqr to snipurl: 0 failed, 0 skipped.\n"
        + "Requests: 3, answered 429: 0, waited 0:00:0"), result::toString);
    assertTrue(result.err().contains("Copying 100%"), result::toString);
    assertTrue(result.errorLines().isEmpty(), result::toString);
  }

  @Test
  void theProgressBarSaysWhileTheTargetWaitsForItsRateLimit() {
    List<Link> seeded = DemoLinks.seed(XQR.client());
    XQR.client().update(seeded.get(4).id(), LinkPatch.builder().enabled(false).build());
    SnipurlEmulator target = SNIPURL.emulator(SnipurlEmulator.class);
    target.clock().set(Instant.parse("2025-03-01T10:00:00Z"));
    // One request a minute: the bulk create gets through, the disabling PATCH waits out a 429.
    target.rateLimit(1, Duration.ofMinutes(1));
    Clients clients = Clients.builder()
        .emulator(XQR.emulator()).emulator(SNIPURL.emulator())
        .rateLimit(dev.polylink.core.RateLimit.none()) // the 429's wait is what the bar shows here
        .sleeper(wait -> target.clock().advance(wait))
        .clock(Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC))
        .build();

    Runner.Result result = Runner.run(clients, "migrate", "--from", "xqr", "--to", "snipurl");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(result.err().contains("waiting 0:01:00 for snipurl's rate limit (until 10:01:00)"), result::toString);
    assertTrue(result.out().endsWith("Requests: 4, answered 429: 1, waited 0:01:00 for rate limits.\n"),
        result::toString);
    assertEquals(false, byKey(target.links(), "short_code").get(seeded.get(4).shortCode()).get("is_active"));
  }

  @Test
  void copiesShortpenLinksToSnipurlAndSaysAPasswordCannotBeReadBack() {
    List<Link> seeded = DemoLinks.seed(SHORTPEN.client());

    Runner.Result result = Runner.run(emulators(), "migrate", "--from", "shortpen", "--to", "snipurl");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    Map<String, Map<String, Object>> copies = byKey(SNIPURL.emulator().links(), "short_code");
    for (Link original : seeded) {
      Map<String, Object> copy = copies.get(original.shortCode());
      assertEquals(original.title().orElseThrow(), copy.get("title"), copy.toString());
      assertEquals(original.destination().orElseThrow().toString(), copy.get("original_url"));
      assertEquals(false, copy.get("has_password"), copy.toString());
    }
    String out = result.out();
    assertTrue(out.contains("  not carried over: password: shortpen never returns a link's password; "
        + "set it again on snipurl; the copy is not protected\n"), out);
    assertTrue(out.contains("  not carried over: redirect_type: snipurl cannot set the redirect type on create (PERMANENT)\n"),
        out);
    assertTrue(out.contains("  kept: destination, slug, title\n"), out);
  }

  @Test
  void aSlugTakenOnTheTargetFailsThatLinkOnly() {
    DemoLinks.seed(XQR.client());
    SNIPURL.client().create(CreateLinkRequest.builder().destination("https://elsewhere.example.com/").slug("spring-hats").build());

    Runner.Result result = Runner.run(emulators(), "migrate", "--from", "xqr", "--to", "snipurl");

    assertEquals(PolylinkExamples.EXIT_FAILED, result.exitCode(), result::toString);
    assertTrue(result.out().contains("failed   spring-hats: "), result::toString);
    assertTrue(result.out().contains("Copied 5 of 6 link(s) from xqr to snipurl: 1 failed, 0 skipped."), result::toString);
    assertEquals("https://elsewhere.example.com/",
        byKey(SNIPURL.emulator().links(), "short_code").get("spring-hats").get("original_url"));
  }

  @Test
  void sixCopiesToXqrAreOneCallOfItsMonthlyQuota() {
    DemoLinks.seed(SNIPURL.client());
    XQR.emulator(XqrEmulator.class).monthlyQuota(1); // one bulk create: the quota is enough

    Runner.Result result = Runner.run(emulators(), "migrate", "--from", "snipurl", "--to", "xqr");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Copied 6 of 6 link(s) from snipurl to xqr: 0 failed, 0 skipped.\n"
        + "Requests: 2, answered 429: 0, waited 0:00:00 for rate limits.\n"), result::toString);
    assertEquals(6, XQR.emulator().links().size());
  }

  @Test
  void aQuotaTheClientDoesNotWaitForFailsEveryLinkOfTheBatchItHitsAtOnce() {
    DemoLinks.seed(SNIPURL.client());
    XQR.emulator(XqrEmulator.class).monthlyQuota(0);
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Clients clients = Clients.builder()
        .emulator(XQR.emulator()).emulator(SHORTPEN.emulator()).emulator(SNIPURL.emulator())
        .rateLimit(dev.polylink.core.RateLimit.none()) // the vendor's quota 429s, not the client's knowledge of them
        .sleeper(waits::add)
        .build();

    Runner.Result result = Runner.run(clients, "migrate", "--from", "snipurl", "--to", "xqr");

    assertEquals(PolylinkExamples.EXIT_FAILED, result.exitCode(), result::toString);
    List<String> failures = result.out().lines().filter(l -> l.startsWith("failed   ")).toList();
    assertEquals(6, failures.size(), result::toString);
    assertTrue(failures.stream().allMatch(l -> l.contains("Monthly API quota of 0 calls exceeded")), failures::toString);
    assertTrue(result.out().contains("Copied 0 of 6 link(s) from snipurl to xqr: 6 failed, 0 skipped.\n"
        + "Requests: 2, answered 429: 1, waited 0:00:00 for rate limits.\n"), result::toString);
    assertEquals(0, XQR.emulator().links().size());
    assertEquals(List.of(), waits, "a quota is never waited for");
  }

  @Test
  void aDryRunCreatesNothing() {
    DemoLinks.seed(SNIPURL.client());

    Runner.Result result = Runner.run(emulators(), "migrate", "--from", "snipurl", "--to", "xqr", "--dry-run");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(XQR.emulator().links().isEmpty());
    assertEquals(DemoLinks.COUNT, result.out().lines().filter(l -> l.startsWith("would copy ")).count(), result::toString);
    assertTrue(result.out().contains("  not carried over: title: xqr cannot set a title on create\n"), result::toString);
    assertTrue(result.out().contains("  not carried over: password: snipurl never returns a link's password; "
        + "xqr cannot protect a link with a password; the copy is not protected\n"), result::toString);
    assertTrue(result.out().contains("Dry run: 6 link(s) would be copied from snipurl to xqr, 0 skipped. "
        + "Nothing was created."), result::toString);
  }

  @Test
  void badArgumentsExitTwoWithOneLine() {
    Runner.Result same = Runner.run(emulators(), "migrate", "--from", "xqr", "--to", "xqr");
    Runner.Result missing = Runner.run(emulators(), "migrate", "--from", "xqr");
    Runner.Result unknown = Runner.run(emulators(), "migrate", "--from", "xqr", "--to", "tinyurl");

    assertEquals(PolylinkExamples.EXIT_USAGE, same.exitCode());
    assertEquals(List.of("polylink-examples migrate: error: --from and --to are both 'xqr'; name two different "
        + "providers (see 'polylink-examples migrate --help')"), same.errorLines());
    assertEquals(PolylinkExamples.EXIT_USAGE, missing.exitCode());
    assertEquals(List.of("polylink-examples migrate: error: Missing required option: '--to=ID' "
        + "(see 'polylink-examples migrate --help')"), missing.errorLines());
    assertEquals(PolylinkExamples.EXIT_USAGE, unknown.exitCode());
    assertEquals(List.of("polylink-examples migrate: error: unknown provider 'tinyurl' "
        + "(known: carrierx, shortpen, snipurl, xqr) (see 'polylink-examples migrate --help')"), unknown.errorLines());
  }

  @Test
  void thePlanSkipsExpiredLinksAndCarriesWhatTheTargetCanCreate() {
    Capabilities target = Capabilities.builder()
        .operations(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE)
        .creatableFields(LinkField.DESTINATION, LinkField.TITLE, LinkField.REDIRECT_TYPE)
        .build();
    Instant now = Instant.parse("2026-05-01T12:00:00Z");
    Link.Builder link = Link.builder().providerId("xqr").id(LinkId.of(7)).shortUrl(URI.create("https://x.example/abc"))
        .shortCode("abc").destination(URI.create("https://example.com/")).title("Home")
        .redirectType(RedirectType.PERMANENT).labels(List.of("a")).enabled(false);

    MigrateCommand.Plan expired = MigrateCommand.plan(
        link.expiresAt(now.minusSeconds(1)).build(), "xqr", "other", target, now);
    MigrateCommand.Plan live = MigrateCommand.plan(
        link.expiresAt(now.plusSeconds(60)).build(), "xqr", "other", target, now);

    assertEquals("expired on xqr at 2026-05-01T11:59:59Z", expired.skipReason);
    assertNull(live.skipReason);
    assertEquals(List.of("destination", "title", "redirect_type"), live.kept);
    assertEquals(CreateLinkRequest.builder().destination("https://example.com/").title("Home")
        .redirectType(RedirectType.PERMANENT).build(), live.request);
    assertFalse(live.disableAfterCreate);
    assertEquals(List.of(
        "slug: other cannot choose the short code on create; it assigns a new one",
        "labels: other cannot set labels on create (a)",
        "expires_at: other cannot set an expiry on create (2026-05-01T12:01:00Z); the copy never expires",
        "enabled: the link is disabled on xqr, but other cannot disable a link; the copy is live"), live.dropped);
  }

  private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> links, String key) {
    return links.stream().collect(Collectors.toMap(l -> (String) l.get(key), Function.identity()));
  }
}
