package dev.polylink.xqr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.FrozenJson;
import dev.polylink.core.spi.Json;
import dev.polylink.xqr.XqrWebhookException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies and reads xQR webhook deliveries. It needs no client and no network: give it the
 * endpoint's secret once, then per delivery the raw request body bytes and the headers.
 *
 * <pre>{@code
 * XqrWebhookVerifier webhooks = XqrWebhookVerifier.of(System.getenv("XQR_WEBHOOK_SECRET"));
 * XqrWebhookEvent event = webhooks.verify(rawBody, request::getHeader);   // throws when not authentic
 * if (seenDeliveries.add(event.deliveryId().orElseThrow())) {              // xQR retries: de-duplicate
 *   handle(event);
 * }
 * }</pre>
 *
 * <p>What it checks: {@code X-XQR-Signature} must be {@code sha256=} followed by the 64 hex digits
 * (either case; the prefix exactly as documented, lower-case) of the HMAC-SHA256 of the raw body under the secret, compared in constant time
 * ({@link MessageDigest#isEqual}) on the bytes received, before anything is parsed. Verify the body
 * exactly as it arrived: a framework that re-serialises JSON changes the bytes and the MAC.
 *
 * <p><b>Replay protection is the application's.</b> xQR's MAC covers the body only, no timestamp
 * and no delivery id, so a captured delivery verifies forever. Remember the {@code X-XQR-Delivery}
 * ids you have processed (xQR retries failed deliveries five times, from 5 s to 2 h, with the same
 * id) and drop repeats; the payload's {@code timestamp} is inside the MAC and can bound how old a
 * delivery you accept. Where xQR's docs are silent this class chooses: the secret is used as its
 * UTF-8 bytes; a body whose {@code event} is missing is refused as {@link Reason#MALFORMED_PAYLOAD};
 * an event name it does not know is {@link XqrWebhookEventType#UNKNOWN} with its payload kept.
 *
 * <p>Thread-safe. {@link #toString()} never shows the secret.
 */
public final class XqrWebhookVerifier {
  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-XQR-Signature";
  /** The header carrying the delivery id. */
  public static final String DELIVERY_HEADER = "X-XQR-Delivery";
  /** The header naming the event (not covered by the signature). */
  public static final String EVENT_HEADER = "X-XQR-Event";

  private static final String ALGORITHM = "HmacSHA256";
  private static final String PREFIX = "sha256=";

  private final SecretKeySpec key;

  private XqrWebhookVerifier(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("the webhook secret must not be empty");
    }
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /**
   * A verifier for the endpoint secret xQR shows when the webhook is created (used as UTF-8).
   * @param secret the secret
   * @return a verifier for the endpoint secret xQR shows when the webhook is created (used as UTF-8)
   */
  public static XqrWebhookVerifier of(String secret) {
    return new XqrWebhookVerifier(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A verifier for a secret given as raw bytes.
   * @param secret the secret
   * @return a verifier for a secret given as raw bytes
   */
  public static XqrWebhookVerifier of(byte[] secret) {
    return new XqrWebhookVerifier(Objects.requireNonNull(secret, "secret").clone());
  }

  /**
   * Whether {@code signatureHeader} is a valid signature of {@code rawBody}; never throws for bad input.
   * @param rawBody the raw body
   * @param signatureHeader the signature header
   * @return whether {@code signatureHeader} is a valid signature of {@code rawBody}; never throws for bad input
   */
  public boolean isValid(byte[] rawBody, String signatureHeader) {
    try {
      checkSignature(rawBody, signatureHeader);
      return true;
    } catch (XqrWebhookException e) {
      return false;
    }
  }

  /**
   * Verifies a delivery and parses it.
   *
   * @param header looks a request header up by name (e.g. {@code request::getHeader}); returns
   *     null when absent
   * @throws XqrWebhookException when the signature is missing, malformed or wrong, or the body is not
   *     an event
   * @param rawBody the raw body
   * @return the verified event
   */
  public XqrWebhookEvent verify(byte[] rawBody, UnaryOperator<String> header) {
    Objects.requireNonNull(header, "header");
    return verify(rawBody, header.apply(SIGNATURE_HEADER), header.apply(DELIVERY_HEADER));
  }

  /**
   * Verifies a delivery given its signature and delivery-id header values, and parses it.
   *
   * @param deliveryId the {@code X-XQR-Delivery} value, or null when not at hand
   * @throws XqrWebhookException when the signature is missing, malformed or wrong, or the body is not
   *     an event
   * @param rawBody the raw body
   * @param signatureHeader the signature header
   * @return the verified event
   */
  public XqrWebhookEvent verify(byte[] rawBody, String signatureHeader, String deliveryId) {
    checkSignature(rawBody, signatureHeader);
    return parse(rawBody, deliveryId == null || deliveryId.isBlank() ? null : deliveryId.strip());
  }

  private void checkSignature(byte[] rawBody, String signatureHeader) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new XqrWebhookException(Reason.MISSING_SIGNATURE, "no " + SIGNATURE_HEADER + " header");
    }
    String value = signatureHeader.strip();
    byte[] given = value.startsWith(PREFIX) ? hex(value.substring(PREFIX.length())) : null;
    if (given == null) {
      throw new XqrWebhookException(Reason.MALFORMED_SIGNATURE,
          SIGNATURE_HEADER + " must be sha256=<64 hex digits>");
    }
    if (!MessageDigest.isEqual(mac(rawBody), given)) {
      throw new XqrWebhookException(Reason.SIGNATURE_MISMATCH,
          "the signature does not match the body and the secret");
    }
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e); // every JVM has it
    }
  }

  /** 32 bytes from 64 hex digits, or null for anything else. */
  private static byte[] hex(String text) {
    if (text.length() != 64) {
      return null;
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      int hi = Character.digit(text.charAt(2 * i), 16);
      int lo = Character.digit(text.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  private static XqrWebhookEvent parse(byte[] body, String deliveryId) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new XqrWebhookException(Reason.MALFORMED_PAYLOAD, "the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new XqrWebhookException(Reason.MALFORMED_PAYLOAD, "the body is not a JSON object");
    }
    String name = Json.text(root, "event").filter(s -> !s.isBlank()).orElseThrow(
        () -> new XqrWebhookException(Reason.MALFORMED_PAYLOAD, "the payload has no \"event\""));
    return ImmutableXqrWebhookEvent.builder()
        .setType(XqrWebhookEventType.fromWireName(name))
        .setEventName(name)
        .setTimestamp(Json.instant(root, "timestamp"))
        .setDeliveryId(Optional.ofNullable(deliveryId))
        .setData(FrozenJson.map(root.get("data")))
        .build();
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "XqrWebhookVerifier{secret=****}";
  }
}
