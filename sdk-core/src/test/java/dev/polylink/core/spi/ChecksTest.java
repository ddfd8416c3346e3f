package dev.polylink.core.spi;

import static dev.polylink.core.Violations.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com", "http://example.com/a?b=c", "HTTPS://EXAMPLE.COM/x",
      "http://127.0.0.1:8080/api", "http://[::1]/", "https://münchen.de/", "https://user@bücher.example:8443/p?q=ä",
      "https://例え.jp"})
  void httpUrlAcceptsAbsoluteHttpUrls(String url) {
    assertEquals(URI.create(url), Checks.httpUrl("xqr", "baseUrl", url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/path", "example.com", "ftp://example.com", "https:///x", "https:x",
      "mailto:a@example.com", "http://exa mple.com", "https://", "ws://example.com", "https://-bad-.example/",
      "https://user@:80/x", "https://bad..münchen.de/"})
  void httpUrlRejectsEverythingElseNamingTheField(String url) {
    RequestValidationException e = assertInvalid("destination", () -> Checks.httpUrl("xqr", "destination", url));
    assertEquals("xqr", e.providerId());
    assertTrue(e.violations().get(0).contains("must be an absolute http or https URL"), e.violations()::toString);
  }

  @Test
  void theOffendingValueIsQuotedAndShortened() {
    String longUrl = "ftp://example.com/" + "a".repeat(200);
    RequestValidationException e = assertInvalid("destination", () -> Checks.httpUrl("x", "destination", longUrl));
    String violation = e.violations().get(0);
    assertTrue(violation.contains("(was \"ftp://example.com/aaa"), violation);
    assertTrue(violation.endsWith("...\")"), violation);
    assertTrue(violation.length() < 200, violation);
  }

  @Test
  void matchesDescribesTheRule() {
    Pattern slug = Pattern.compile("[a-z0-9-]{3,64}");
    assertEquals("ok-slug", Checks.matches("p", "slug", "ok-slug", slug, "must be 3 to 64 letters"));
    RequestValidationException e =
        assertInvalid("slug", () -> Checks.matches("p", "slug", "a", slug, "must be 3 to 64 letters"));
    assertEquals("slug: must be 3 to 64 letters (was \"a\")", e.violations().get(0));
  }

  @Test
  void atMostAndInRange() {
    Checks.atMost("p", "labels", List.of(1, 2), 2);
    RequestValidationException e = assertInvalid("labels", () -> Checks.atMost("p", "labels", List.of(1, 2, 3), 2));
    assertEquals("labels: at most 2 allowed (was 3)", e.violations().get(0));

    assertEquals(5, Checks.inRange("p", "pageSize", 5, 1, 5));
    assertEquals(1, Checks.inRange("p", "pageSize", 1, 1, 5));
    assertInvalid("pageSize", () -> Checks.inRange("p", "pageSize", 0, 1, 5));
    assertInvalid("pageSize", () -> Checks.inRange("p", "pageSize", 6, 1, 5));
  }

  @Test
  void uuidIds() {
    UUID uuid = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    assertEquals(uuid, Checks.uuidId("xqr", LinkId.of(uuid)));
    assertEquals(uuid, Checks.uuidId("xqr", LinkId.of("1B4E28BA-2FA1-11D2-883F-0016D3CCA427")));
    for (String bad : List.of("42", "not-a-uuid", "1b4e28ba-2fa1-11d2-883f-0016d3cca42", "1-1-1-1-1",
        "1b4e28ba2fa111d2883f0016d3cca427", "{1b4e28ba-2fa1-11d2-883f-0016d3cca427}")) {
      RequestValidationException e = assertInvalid("id", () -> Checks.uuidId("xqr", LinkId.of(bad)));
      assertTrue(e.violations().get(0).contains("must be a UUID"), bad);
      assertEquals("xqr", e.providerId());
    }
  }

  @Test
  void uuidTextIsTheCanonicalFormOfTheSameChecks() {
    String lower = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    assertSame(lower, Checks.uuidText("xqr", LinkId.of(lower)), "an id already canonical is used as it is");
    assertEquals(lower, Checks.uuidText("xqr", LinkId.of("1B4E28BA-2FA1-11D2-883F-0016D3CCA427")));
    assertEquals(lower, Checks.uuidText("xqr", LinkId.of("1b4e28ba-2FA1-11d2-883f-0016d3ccA427")));
    java.util.Random random = new java.util.Random(13);
    for (int i = 0; i < 2_000; i++) {
      UUID uuid = new UUID(random.nextLong(), random.nextLong());
      String text = random.nextBoolean() ? uuid.toString() : uuid.toString().toUpperCase(java.util.Locale.ROOT);
      assertEquals(Checks.uuidId("xqr", LinkId.of(text)).toString(), Checks.uuidText("xqr", LinkId.of(text)), text);
    }
    for (String bad : List.of("42", "not-a-uuid", "1b4e28ba-2fa1-11d2-883f-0016d3cca42", "1-1-1-1-1",
        "1b4e28ba2fa111d2883f0016d3cca427", "{1b4e28ba-2fa1-11d2-883f-0016d3cca427}",
        "1b4e28ba-2fa1-11d2-883f-0016d3cca42g", "1b4e28ba-2fa1-11d2-883f-0016d3cca4G7")) {
      RequestValidationException e = assertInvalid("id", () -> Checks.uuidText("xqr", LinkId.of(bad)));
      assertTrue(e.violations().get(0).contains("must be a UUID"), bad);
      assertEquals("xqr", e.providerId());
    }
  }

  @Test
  void positiveIntegerIds() {
    assertEquals(42L, Checks.positiveIntegerId("shortpen", LinkId.of(42)));
    assertEquals(Long.MAX_VALUE, Checks.positiveIntegerId("shortpen", LinkId.of(Long.MAX_VALUE)));
    for (String bad : List.of("0", "-1", "007", "+5", "4.2", "abc", "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "99999999999999999999", " 5")) {
      RequestValidationException e = assertInvalid("id", () -> Checks.positiveIntegerId("shortpen", LinkId.of(bad)));
      assertTrue(e.violations().get(0).contains("must be a positive integer"), bad);
    }
  }

  @Test
  void invalidWithSeveralViolations() {
    RequestValidationException e = Checks.invalid("p", List.of("a: x", "b: y"));
    assertEquals(List.of("a: x", "b: y"), e.violations());
    assertEquals("p: invalid request: a: x; b: y", e.getMessage());
    RequestValidationException one = Checks.invalid("p", "slug", "must be short", "way-too-long");
    assertEquals(List.of("slug: must be short (was \"way-too-long\")"), one.violations());
    assertFalse(one.violations().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a\\b", "a.b", "..", ".", "%2e%2e%2f", "a%20b", "a?b", "a#b", "a;b", "a b",
      "a\tb", "a\nb", "a\u0000b", "a\u001fb", "a\u007fb", "a\u0085b", "a\u00a0b", "a\u2028b", "a\u200bb",
      "a\u202eb", "a\ufeffb", "a\ud800b", " ab", "ab\u3000"})
  void slugRefusesControlInvisibleWhitespaceAndPathCharacters(String slug) {
    RequestValidationException e = assertInvalid("slug", () -> Checks.slug("carrierx", slug));
    assertEquals("carrierx", e.providerId());
    assertTrue(e.violations().get(0).startsWith("slug: " + Checks.SLUG_RULE + " (found "), e.violations()::toString);
    for (char c : e.getMessage().toCharArray()) {
      assertFalse(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT,
          () -> "the message shows control and format characters escaped: " + e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"summer24", "a", "A-b_c~d", "münchen", "例え", "a+b=c&d", "a:b@c!", "\ud83d\ude00"})
  void slugLeavesEverythingElseToTheProvidersOwnRule(String slug) {
    assertEquals(slug, Checks.slug("xqr", slug));
  }

  @Test
  void slugNamesTheFirstOffendingCharacterEscaped() {
    RequestValidationException e = assertInvalid("slug", () -> Checks.slug("shortpen", "ab\u0000c/d"));
    assertEquals("slug: " + Checks.SLUG_RULE + " (found U+0000 at index 2; was \"ab\\u0000c/d\")",
        e.violations().get(0));
    RequestValidationException slash = assertInvalid("slug", () -> Checks.slug("shortpen", "a/b"));
    assertEquals("slug: " + Checks.SLUG_RULE + " (found '/' at index 1; was \"a/b\")", slash.violations().get(0));
  }

  @Test
  void sendableInstantsHaveAFourDigitYear() {
    for (Instant ok : List.of(Checks.EARLIEST_SENDABLE, Checks.LATEST_SENDABLE, Instant.EPOCH,
        Instant.parse("2026-12-02T00:00:00Z"))) {
      assertEquals(ok, Checks.sendableInstant("xqr", "expiresAt", ok));
    }
    for (Instant bad : List.of(Instant.MAX, Instant.MIN, Checks.LATEST_SENDABLE.plusNanos(1),
        Checks.EARLIEST_SENDABLE.minusNanos(1))) {
      RequestValidationException e = assertInvalid("expiresAt", () -> Checks.sendableInstant("xqr", "expiresAt", bad));
      assertEquals("expiresAt: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z (was "
          + bad + ")", e.violations().get(0));
    }
  }
}
