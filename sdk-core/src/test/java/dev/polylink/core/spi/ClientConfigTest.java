package dev.polylink.core.spi;

import static dev.polylink.core.Violations.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RequestValidationException;
import dev.polylink.core.fake.FakeLinkClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

  @Test
  void commonKeysMapToPrefixedVariablesInOrder() {
    Map<String, String> keys = ClientConfig.commonKeys("shortpen");
    assertEquals(List.of("apiKey", "baseUrl", "timeout", "userAgent", "rateLimit", "bulkConcurrency"),
        List.copyOf(keys.keySet()));
    assertEquals(List.of("SHORTPEN_API_KEY", "SHORTPEN_BASE_URL", "SHORTPEN_TIMEOUT", "SHORTPEN_USER_AGENT",
            "SHORTPEN_RATE_LIMIT", "SHORTPEN_BULK_CONCURRENCY"),
        List.copyOf(keys.values()));
    keys.put("defaultDomainId", "SHORTPEN_DOMAIN_ID"); // providers extend it
    assertEquals(6, ClientConfig.commonKeys("shortpen").size());
  }

  @Test
  void stringsAreOptionalAndBlankMeansAbsent() {
    ClientConfig config = new ClientConfig("p", Map.of("a", "v", "blank", "  "));
    assertEquals(Optional.of("v"), config.string("a"));
    assertEquals(Optional.empty(), config.string("blank"));
    assertEquals(Optional.empty(), config.string("missing"));
  }

  @Test
  void theValuesAreCopied() {
    Map<String, String> source = new HashMap<>(Map.of("a", "1"));
    ClientConfig config = new ClientConfig("p", source);
    source.put("a", "2");
    assertEquals(Optional.of("1"), config.string("a"));
  }

  @Test
  void longValues() {
    ClientConfig config = new ClientConfig("shortpen", Map.of("defaultDomainId", " 42 ", "bad", "4x2"));
    assertEquals(Optional.of(42L), config.longValue("defaultDomainId"));
    assertEquals(Optional.empty(), config.longValue("missing"));
    RequestValidationException e = assertInvalid("bad", () -> config.longValue("bad"));
    assertEquals("shortpen", e.providerId());
    assertTrue(e.violations().get(0).contains("whole number"), e.violations()::toString);
  }

  @Test
  void durations() {
    ClientConfig config = new ClientConfig("xqr", Map.of("timeout", "PT10S", "bad", "10s"));
    assertEquals(Optional.of(Duration.ofSeconds(10)), config.duration("timeout"));
    assertEquals(Optional.empty(), config.duration("missing"));
    RequestValidationException e = assertInvalid("bad", () -> config.duration("bad"));
    assertTrue(e.violations().get(0).contains("ISO-8601"), e.violations()::toString);
  }

  @Test
  void rateLimitsAreReadByRateLimitParse() {
    ClientConfig config = new ClientConfig("xqr", Map.of("a", "adaptive", "n", " NONE ", "f", "50/PT1S", "bad", "50/s"));
    assertEquals(Optional.of(dev.polylink.core.RateLimit.adaptive()), config.rateLimit("a"));
    assertEquals(Optional.of(dev.polylink.core.RateLimit.none()), config.rateLimit("n"));
    assertEquals(Optional.of(dev.polylink.core.RateLimit.fixed(50, Duration.ofSeconds(1))), config.rateLimit("f"));
    assertEquals(Optional.empty(), config.rateLimit("missing"));
    RequestValidationException e = assertInvalid("bad", () -> config.rateLimit("bad"));
    assertEquals("xqr", e.providerId());
    assertEquals(List.of("bad: must be adaptive, none or <requests>/<ISO-8601 period> such as 50/PT1S (was \"50/s\")"),
        e.violations());
  }

  @Test
  void intValuesAreWholeNumbersInTheirRange() {
    ClientConfig config = new ClientConfig("xqr", Map.of("one", "1", "max", " 64 ", "zero", "0", "over", "65",
        "huge", "4294967297", "text", "four", "decimal", "4.0"));
    assertEquals(Optional.of(1), config.intValue("one", 1, 64));
    assertEquals(Optional.of(64), config.intValue("max", 1, 64));
    assertEquals(Optional.empty(), config.intValue("missing", 1, 64));
    RequestValidationException e = assertInvalid("zero", () -> config.intValue("zero", 1, 64));
    assertEquals("xqr", e.providerId());
    assertEquals(List.of("zero: must be a whole number from 1 to 64 (was \"0\")"), e.violations());
    assertEquals(List.of("over: must be a whole number from 1 to 64 (was \"65\")"),
        assertInvalid("over", () -> config.intValue("over", 1, 64)).violations());
    // 2^32 + 1 would be 1 as an int: rejected, not wrapped
    assertInvalid("huge", () -> config.intValue("huge", 1, 64));
    assertEquals(List.of("text: must be a whole number from 1 to 64 (was \"four\")"),
        assertInvalid("text", () -> config.intValue("text", 1, 64)).violations());
    assertInvalid("decimal", () -> config.intValue("decimal", 1, 64));
  }

  @Test
  void bulkConcurrencyIsAppliedAndChecked() {
    try (FakeLinkClient client = new ClientConfig("fake", Map.of("apiKey", "k", "bulkConcurrency", "16"))
        .applyCommon(FakeLinkClient.builder()).build()) {
      assertEquals(16, client.bulkConcurrency());
    }
    try (FakeLinkClient client = new ClientConfig("fake", Map.of("apiKey", "k")).applyCommon(FakeLinkClient.builder()).build()) {
      assertEquals(dev.polylink.core.LinkClientBuilder.DEFAULT_BULK_CONCURRENCY, client.bulkConcurrency());
    }
    for (String bad : List.of("0", "65", "-1", "many")) {
      ClientConfig config = new ClientConfig("fake", Map.of("apiKey", "k", "bulkConcurrency", bad));
      RequestValidationException e = assertInvalid("bulkConcurrency", () -> config.applyCommon(FakeLinkClient.builder()));
      assertEquals(List.of("bulkConcurrency: must be a whole number from 1 to 64 (was \"" + bad + "\")"), e.violations());
    }
  }

  @Test
  void applyCommonUsesTheBuilderChecks() {
    ClientConfig negative = new ClientConfig("fake", Map.of("apiKey", "k", "timeout", "PT-1S"));
    assertInvalid("timeout", () -> negative.applyCommon(FakeLinkClient.builder()));
    ClientConfig badUrl = new ClientConfig("fake", Map.of("apiKey", "k", "baseUrl", "nope"));
    assertInvalid("baseUrl", () -> badUrl.applyCommon(FakeLinkClient.builder()));
    ClientConfig ok = new ClientConfig("fake", Map.of("apiKey", "k", "baseUrl", "http://127.0.0.1:1/api",
        "timeout", "PT1S", "userAgent", "ua/1", "rateLimit", "none", "bulkConcurrency", "1"));
    try (FakeLinkClient client = ok.applyCommon(FakeLinkClient.builder()).build()) {
      assertEquals("fake", client.providerId());
    }
  }

  @Test
  void toStringShowsKeysButNoValues() {
    ClientConfig config = new ClientConfig("xqr", Map.of("apiKey", "super-secret-value"));
    String text = config.toString();
    assertTrue(text.contains("apiKey"), text);
    assertFalse(text.contains("super-secret-value"), text);
  }
}
