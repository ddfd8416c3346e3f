package dev.polylink.xqr;

import dev.polylink.core.PolylinkException;

/**
 * A webhook delivery that must not be trusted: its {@code X-XQR-Signature} is missing, malformed
 * or wrong, or its verified body is not an xQR event. Answer such a delivery with a 4xx and do not
 * act on it. The message never contains the secret, the signature or the body.
 */
public class XqrWebhookException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /** Why the delivery was refused. */
  public enum Reason {
    /** No {@code X-XQR-Signature} header. */
    MISSING_SIGNATURE,
    /** The header is not {@code sha256=} followed by 64 hex digits. */
    MALFORMED_SIGNATURE,
    /** The signature does not match the body and the secret. */
    SIGNATURE_MISMATCH,
    /** The signature matched, but the body is not an event object with an {@code event} name. */
    MALFORMED_PAYLOAD
  }

  /** Why the delivery was refused. */
  private final Reason reason;

  /**
   * Creates the exception.
   * @param reason the reason
   * @param message the message
   */
  public XqrWebhookException(Reason reason, String message) {
    super(XqrClient.PROVIDER_ID, "xqr webhook refused (" + reason + "): " + message);
    this.reason = reason;
  }

  /** {@return why the delivery was refused} */
  public Reason reason() {
    return reason;
  }
}
