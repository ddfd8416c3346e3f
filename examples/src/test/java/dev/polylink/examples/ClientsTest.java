package dev.polylink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.ListLinksRequest;
import dev.polylink.testkit.EmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientsTest {
  @RegisterExtension
  static final EmulatorExtension XQR = EmulatorExtension.of("xqr");

  private static Clients with(Map<String, String> environment) {
    return Clients.builder().environment(environment::get).emulator(XQR.emulator()).build();
  }

  @Test
  void aProviderIsConfiguredByItsApiKeyOrByAUsernameAndPassword() {
    Clients clients = with(Map.of(
        "XQR_API_KEY", "xqr_live_key",
        "SHORTPEN_DOMAIN_ID", "12",
        "SNIPURL_API_KEY", "  ",
        "CARRIERX_USERNAME", "ops",
        "CARRIERX_PASSWORD", "secret"));

    assertTrue(clients.configured("xqr"));
    assertFalse(clients.configured("shortpen"), "a domain id alone is not a key");
    assertFalse(clients.configured("snipurl"), "a blank key is no key");
    assertTrue(clients.configured("carrierx"));
    assertFalse(with(Map.of("CARRIERX_USERNAME", "ops")).configured("carrierx"));
  }

  @Test
  void saysWhichCredentialsMadeItUseTheRealService() {
    try (Clients.Connection connection = with(Map.of(
        "CARRIERX_USERNAME", "ops", "CARRIERX_PASSWORD", "secret", "CARRIERX_DOMAIN_SID", "d1")).connect("carrierx")) {
      assertFalse(connection.emulated());
      assertEquals("the real carrierx service (CARRIERX_USERNAME and CARRIERX_PASSWORD are set)", connection.description());
      assertEquals(List.of(), connection.seedDemoLinks(), "the real service is never seeded");
    }
  }

  @Test
  void aGivenEmulatorIsUsedAsItIsAndNeverSeeded() {
    try (Clients.Connection connection = with(Map.of()).connect("xqr")) {
      assertTrue(connection.emulated());
      assertEquals("an embedded xqr emulator at " + XQR.emulator().serverUrl()
          + " (set XQR_API_KEY to use the real service)", connection.description());
      assertEquals(List.of(), connection.seedDemoLinks());
      assertEquals(0, connection.client().listAll(ListLinksRequest.defaults()).count());
    }
    assertTrue(XQR.emulator().wireMock().isRunning(), "closing the connection leaves a given emulator running");
  }

  @Test
  void anEmulatorItStartsIsSeededOnRequest() {
    try (Clients.Connection connection = Clients.builder().build().connect("snipurl")) {
      assertEquals(DemoLinks.COUNT, connection.seedDemoLinks().size());
      assertEquals(DemoLinks.COUNT, connection.client().listAll(ListLinksRequest.defaults()).count());
    }
  }

  @Test
  void anUnknownProviderIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> with(Map.of()).connect("bitly"));

    assertEquals("unknown provider 'bitly' (known: carrierx, shortpen, snipurl, xqr)", e.getMessage());
  }
}
