package dev.polylink.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.testing.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wire log (TRACE, {@code wireLog(true)}) of real calls to every vendor's emulator never shows
 * an API key, a link password (SnipURL {@code password}, ShortPen {@code url_password}) or CarrierX's
 * basic-auth credentials: the whole captured output is scanned for them.
 */
class WireLogRedactionTest {
  private static final String LINK_PASSWORD = "Link-Pa55word-never-logged";
  private static final String NEW_PASSWORD = "Changed-Pa55word-never-logged";

  @ParameterizedTest
  @ValueSource(strings = {"xqr", "shortpen", "snipurl", "carrierx"})
  void theWireLogShowsTheCallsButNoSecret(String provider) {
    try (ProviderEmulator emulator = ProviderEmulator.start(provider);
        CapturedLogs logs = CapturedLogs.of("dev.polylink.wire", Level.TRACE);
        LinkClient client = emulator.clientBuilder().wireLog(true).build()) {
      CreateLinkRequest.Builder create = CreateLinkRequest.builder().destination("https://example.com/wire").slug("wire-log");
      boolean passwords = client.capabilities().canCreate(LinkField.PASSWORD);
      if (passwords) {
        create.password(LINK_PASSWORD);
      }
      Link link = client.create(create.build());
      if (client.capabilities().canUpdate(LinkField.PASSWORD)) {
        client.update(link.id(), LinkPatch.builder().password(NEW_PASSWORD).build());
      }
      client.get(link.id());

      String text = logs.text();
      assertTrue(text.contains("--> POST "), text);
      assertTrue(text.contains("<-- 20"), text);
      assertTrue(text.contains("\nAuthorization: ██"), text);
      List<String> secrets = List.of(emulator.apiKey(), LINK_PASSWORD, NEW_PASSWORD);
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "the wire log shows a secret: " + secret + "\n" + text);
      }
      if (passwords) {
        assertTrue(text.contains(provider.equals("shortpen") ? "\"url_password\":\"██\"" : "\"password\":\"██\""), text);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void carrierxBasicAuthIsNeverShown() {
    try (CarrierxEmulator emulator = CarrierxEmulator.start();
        CapturedLogs logs = CapturedLogs.of("dev.polylink.wire", Level.TRACE);
        CarrierxClient client = CarrierxClient.builder().baseUrl(emulator.baseUrl())
            .basicAuth(emulator.username(), emulator.password()).defaultDomainSid(emulator.defaultDomainSid())
            .wireLog(true).build()) {
      client.create(CreateLinkRequest.builder().destination("https://example.com/basic").build());
      String text = logs.text();
      String basic = Base64.getEncoder().encodeToString(
          (emulator.username() + ":" + emulator.password()).getBytes(StandardCharsets.UTF_8));
      assertTrue(text.contains("--> POST ") && text.contains("<-- 20"), text);
      assertFalse(text.contains(basic), text);
      assertFalse(text.contains(emulator.password()), text);
      assertTrue(text.contains("\nAuthorization: ██"), text);
    }
  }
}
