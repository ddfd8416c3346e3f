package dev.polylink.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.ListLinksRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {
  @RegisterExtension
  static final EmulatorExtension XQR = EmulatorExtension.of("xqr");

  private static ProviderEmulator firstEmulator;

  @Test
  @Order(1)
  void firstTestLeavesStateBehind() {
    firstEmulator = XQR.emulator();
    Http http = Http.bearer(XQR.apiKey());
    assertEquals(201, http.post(XQR.baseUrl() + "/v1/links", "{\"url\":\"https://example.com\"}").status());
    XQR.emulator().rateLimit(1, Duration.ofHours(1));
    XQR.emulator().clock().set(Instant.parse("2030-01-01T00:00:00Z"));
    XQR.emulator().wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(418)));
    assertEquals(1, XQR.emulator().links().size());
  }

  @Test
  @Order(2)
  void theNextTestStartsFromAResetEmulatorOnTheSameServer() {
    assertSame(firstEmulator, XQR.emulator());
    assertTrue(XQR.emulator().links().isEmpty());
    assertTrue(XQR.emulator().wireMock().getAllServeEvents().isEmpty());
    assertTrue(XQR.emulator().clock().followsSystem());
    Http http = Http.bearer(XQR.apiKey());
    assertEquals(200, http.get(XQR.baseUrl() + "/v1/links").status());
    assertEquals(200, http.get(XQR.baseUrl() + "/v1/links").status());
    assertEquals(XQR.emulator().baseUrl(), XQR.baseUrl());
    assertEquals(XqrEmulator.class, XQR.emulator(XqrEmulator.class).getClass());
  }

  @Test
  @Order(3)
  void clientComesFromLinkClients() {
    assertSame(XQR.client(), XQR.client());
    assertEquals("xqr", XQR.client().providerId());
    assertTrue(XQR.client().list(ListLinksRequest.defaults()).items().isEmpty());
    assertEquals(1, XQR.emulator().wireMock().getAllServeEvents().size(), "the client talks to this emulator");
  }

  /** JUnit runs these after the outer class's tests, calling beforeAll/afterAll for each of them. */
  @Nested
  class FirstNestedClass {
    @Test
    void sharesTheEnclosingClassesEmulator() {
      assertSame(firstEmulator, XQR.emulator());
      assertTrue(XQR.emulator().wireMock().isRunning());
    }
  }

  @Nested
  class SecondNestedClass {
    @Test
    void sharesItTooAfterAnotherNestedClassEnded() {
      assertSame(firstEmulator, XQR.emulator());
      assertTrue(XQR.emulator().wireMock().isRunning());
    }
  }

  @Test
  void aNestedClassKeepsTheEmulatorUntilTheOutermostClassEnds() {
    EmulatorExtension extension = EmulatorExtension.of("xqr");
    extension.beforeAll(null);
    ProviderEmulator emulator = extension.emulator();
    extension.beforeAll(null);   // a @Nested class
    extension.beforeEach(null);
    extension.afterEach(null);
    extension.afterAll(null);    // the @Nested class is done
    assertSame(emulator, extension.emulator());
    assertTrue(emulator.wireMock().isRunning());
    extension.afterAll(null);    // the outer class is done
    assertThrows(IllegalStateException.class, extension::emulator);
    assertTrue(!emulator.wireMock().isRunning());
  }

  @Test
  void ofRejectsUnknownIds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmulatorExtension.of("tinyurl"));
    assertTrue(e.getMessage().contains("carrierx, shortpen, snipurl, xqr"), e.getMessage());
  }

  @Test
  void onAStaticFieldItRunsFromBeforeAllToAfterAll() {
    EmulatorExtension extension = EmulatorExtension.of("carrierx");
    assertThrows(IllegalStateException.class, extension::emulator);
    extension.beforeAll(null);
    ProviderEmulator emulator = extension.emulator();
    Http http = Http.bearer(extension.apiKey());
    String links = extension.baseUrl() + "/shortener/links";
    assertEquals(200, http.post(links, "{\"destination_url\":\"http://example.com\",\"domain_sid\":\""
        + ((CarrierxEmulator) emulator).defaultDomainSid() + "\"}").status());

    extension.beforeEach(null);
    assertSame(emulator, extension.emulator());
    assertTrue(emulator.links().isEmpty());
    extension.afterEach(null);
    assertEquals(200, http.get(links).status());

    extension.afterAll(null);
    assertThrows(IllegalStateException.class, extension::emulator);
    assertThrows(AssertionError.class, () -> http.get(links));
  }

  @Test
  void onAnInstanceFieldItRunsForOneTest() {
    EmulatorExtension extension = EmulatorExtension.of("snipurl");
    extension.beforeEach(null);
    String links = extension.baseUrl() + "/links";
    Http http = Http.bearer(extension.apiKey());
    assertEquals(200, http.get(links).status());
    extension.afterEach(null);
    assertThrows(IllegalStateException.class, extension::emulator);
    assertThrows(AssertionError.class, () -> http.get(links));
  }
}
