package dev.polylink.xqr;

import dev.polylink.core.LinkId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One verified xQR webhook delivery: the payload {@code {"event", "timestamp", "data"}} and the
 * {@code X-XQR-Delivery} id. The payload's {@code event} is authoritative (it is covered by the
 * signature; the {@code X-XQR-Event} header is not). xQR documents the event names but not the shape
 * of each event's {@code data}, so {@link #data()} is the object as sent and {@link #linkId()} is
 * read from it only where it carries an {@code id} or {@code link_id}. Only {@link
 * XqrWebhookVerifier} creates these.
 */
@Value.Immutable
@ValueStyle
public abstract class XqrWebhookEvent {
  XqrWebhookEvent() {}

  /** {@return the event's type; {@link XqrWebhookEventType#UNKNOWN} for a name this version does not know} */
  public abstract XqrWebhookEventType type();

  /** {@return the event name as sent, e.g. {@code link.scanned}; set for unknown events too} */
  public abstract String eventName();

  /** {@return the payload's {@code timestamp}; empty when missing or not ISO-8601} */
  public abstract Optional<Instant> timestamp();

  /**
   * The {@code X-XQR-Delivery} id (a UUID), the idempotency key: xQR retries a failed delivery five
   * times (from 5 s to 2 h), so the same delivery can arrive more than once. Empty when the header
   * was not passed.
   * @return the delivery id, when given
   */
  public abstract Optional<String> deliveryId();

  /** {@return the payload's {@code data} object as plain values (empty when it had none)} */
  @AllowNulls
  public abstract Map<String, Object> data();

  /** {@return for a {@code link.*} event, the link's id from {@code data.id} or {@code data.link_id}} */
  public Optional<LinkId> linkId() {
    if (!type().isLinkEvent() && type() != XqrWebhookEventType.UNKNOWN) {
      return Optional.empty();
    }
    Object id = data().containsKey("link_id") ? data().get("link_id") : data().get("id");
    return id instanceof String && !((String) id).isBlank() ? Optional.of(LinkId.of((String) id)) : Optional.empty();
  }

  /** The event name, time and delivery id; the data is left out (it may hold destinations). */
  @Override
  public String toString() {
    return "XqrWebhookEvent{event=" + eventName() + ", timestamp=" + timestamp().orElse(null) + ", delivery="
        + deliveryId().orElse(null) + "}";
  }
}
