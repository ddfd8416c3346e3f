package dev.polylink.xqr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signature is computed here independently (javax.crypto over the exact bytes, HexFormat for
 * the digits), and one vector is fixed: HMAC-SHA256 of {@code "{}"} under {@code "s"}, so that a
 * verifier and a test sharing a mistake would still fail.
 */
class XqrWebhookVerifierTest {
  private static final String SECRET = "whsec_3f9c1a7e2b";
  private static final String DELIVERY = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  private static final String BODY = "{\"event\":\"link.scanned\",\"timestamp\":\"2026-12-01T10:15:30Z\","
      + "\"data\":{\"link_id\":\"d47f2e1a-8c3b-4a5d-9e6f-1234567890ab\",\"short_code\":\"summer24\",\"country\":\"US\"}}";

  private final XqrWebhookVerifier verifier = XqrWebhookVerifier.of(SECRET);

  static String sign(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFixedVectorVerifies() {
    // printf '{}' | openssl dgst -sha256 -hmac s
    String signature = "sha256=143ca8d517ba1b181025d732b1cf275d90104fca57bb02a565542978aa18c4b6";
    assertEquals(signature, signOrFail("s", bytes("{}")));
    assertTrue(XqrWebhookVerifier.of("s").isValid(bytes("{}"), signature));
    assertTrue(XqrWebhookVerifier.of(bytes("s")).isValid(bytes("{}"), signature));
  }

  private static String signOrFail(String secret, byte[] body) {
    try {
      return sign(secret, body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSignedDeliveryIsParsedIntoATypedEvent() throws Exception {
    XqrWebhookEvent event = verifier.verify(bytes(BODY), sign(SECRET, bytes(BODY)), DELIVERY);
    assertEquals(XqrWebhookEventType.LINK_SCANNED, event.type());
    assertEquals("link.scanned", event.eventName());
    assertEquals(Optional.of(Instant.parse("2026-12-01T10:15:30Z")), event.timestamp());
    assertEquals(Optional.of(DELIVERY), event.deliveryId());
    assertEquals(Optional.of(LinkId.of("d47f2e1a-8c3b-4a5d-9e6f-1234567890ab")), event.linkId());
    assertEquals("US", event.data().get("country"));
    assertThrows(UnsupportedOperationException.class, () -> event.data().put("x", 1));
  }

  @Test
  void headersAreLookedUpByTheirDocumentedNames() throws Exception {
    Map<String, String> headers = Map.of(
        "X-XQR-Signature", sign(SECRET, bytes(BODY)), "X-XQR-Delivery", DELIVERY, "X-XQR-Event", "link.scanned");
    XqrWebhookEvent event = verifier.verify(bytes(BODY), headers::get);
    assertEquals(Optional.of(DELIVERY), event.deliveryId());
  }

  @Test
  void upperCaseHexIsAccepted() throws Exception {
    String signature = sign(SECRET, bytes(BODY));
    assertTrue(verifier.isValid(bytes(BODY), "sha256=" + signature.substring(7).toUpperCase()));
  }

  @Test
  void aTamperedBodyIsRefused() throws Exception {
    String signature = sign(SECRET, bytes(BODY));
    String tampered = BODY.replace("\"US\"", "\"FR\"");
    XqrWebhookException e = assertThrows(XqrWebhookException.class,
        () -> verifier.verify(bytes(tampered), signature, DELIVERY));
    assertEquals(XqrWebhookException.Reason.SIGNATURE_MISMATCH, e.reason());
    assertFalse(verifier.isValid(bytes(BODY + " "), signature), "one extra byte must fail");
    assertFalse(e.getMessage().contains(SECRET));
    assertFalse(e.getMessage().contains(signature.substring(7)));
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    assertFalse(verifier.isValid(bytes(BODY), sign("whsec_other", bytes(BODY))));
    assertFalse(XqrWebhookVerifier.of(SECRET + "x").isValid(bytes(BODY), sign(SECRET, bytes(BODY))));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "143ca8d517ba1b181025d732b1cf275d90104fca57bb02a565542978aa18c4b6",
      "sha1=143ca8d517ba1b181025d732b1cf275d90104fca57bb02a565542978aa18c4b6",
      "sha256=",
      "sha256=0ba30cf44ab9a0d64dd51d6ed4dc8a23cc35b9bf50f6bbf1aad43f3e35b7e2",
      "sha256=143ca8d517ba1b181025d732b1cf275d90104fca57bb02a565542978aa18c4b6aa",
      "sha256=zba30cf44ab9a0d64dd51d6ed4dc8a23cc35b9bf50f6bbf1aad43f3e35b7e2a8",
      "SHA256=143ca8d517ba1b181025d732b1cf275d90104fca57bb02a565542978aa18c4b6"})
  void malformedSignaturesAreRefused(String header) {
    XqrWebhookException e = assertThrows(XqrWebhookException.class,
        () -> XqrWebhookVerifier.of("s").verify(bytes("{}"), header, DELIVERY));
    assertEquals(XqrWebhookException.Reason.MALFORMED_SIGNATURE, e.reason());
  }

  @Test
  void aMissingSignatureIsRefused() {
    for (String header : new String[] {null, "", "  "}) {
      XqrWebhookException e = assertThrows(XqrWebhookException.class,
          () -> verifier.verify(bytes(BODY), header, DELIVERY));
      assertEquals(XqrWebhookException.Reason.MISSING_SIGNATURE, e.reason());
    }
  }

  @Test
  void aSignedBodyThatIsNoEventIsRefusedAfterVerification() throws Exception {
    for (String body : new String[] {"not json", "[1,2]", "{\"data\":{}}", "{\"event\":\"\"}"}) {
      XqrWebhookException e = assertThrows(XqrWebhookException.class,
          () -> verifier.verify(bytes(body), sign(SECRET, bytes(body)), DELIVERY), body);
      assertEquals(XqrWebhookException.Reason.MALFORMED_PAYLOAD, e.reason(), body);
    }
  }

  @Test
  void unknownEventsAreKeptRaw() throws Exception {
    String body = "{\"event\":\"qr.rendered\",\"timestamp\":\"2026-12-01T10:00:00Z\",\"data\":{\"n\":[1,{\"a\":true}]}}";
    XqrWebhookEvent event = verifier.verify(bytes(body), sign(SECRET, bytes(body)), null);
    assertEquals(XqrWebhookEventType.UNKNOWN, event.type());
    assertEquals("qr.rendered", event.eventName());
    assertEquals(Map.of("n", java.util.List.of(1, Map.of("a", true))), event.data());
    assertEquals(Optional.empty(), event.deliveryId());
  }

  @Test
  void everyDocumentedEventHasItsType() throws Exception {
    for (XqrWebhookEventType type : XqrWebhookEventType.values()) {
      if (type == XqrWebhookEventType.UNKNOWN) {
        continue;
      }
      String body = "{\"event\":\"" + type.wireName() + "\",\"timestamp\":\"2026-12-01T10:00:00Z\",\"data\":{\"id\":\"x1\"}}";
      XqrWebhookEvent event = verifier.verify(bytes(body), sign(SECRET, bytes(body)), DELIVERY);
      assertEquals(type, event.type());
      assertEquals(type.isLinkEvent() ? Optional.of(LinkId.of("x1")) : Optional.empty(), event.linkId());
    }
    assertEquals(10, XqrWebhookEventType.values().length - 1);
  }

  @Test
  void theSecretNeverShows() {
    assertFalse(verifier.toString().contains(SECRET));
    assertThrows(IllegalArgumentException.class, () -> XqrWebhookVerifier.of(""));
  }
}
