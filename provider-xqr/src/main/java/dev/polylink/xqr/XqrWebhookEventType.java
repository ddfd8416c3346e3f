package dev.polylink.xqr;

/**
 * The webhook events xQR documents, by their wire names. An event xQR adds later is {@link
 * #UNKNOWN}, with its name and payload kept on {@link XqrWebhookEvent}.
 */
public enum XqrWebhookEventType {
  LINK_CREATED("link.created"),
  LINK_UPDATED("link.updated"),
  LINK_DELETED("link.deleted"),
  LINK_SCANNED("link.scanned"),
  LINK_THRESHOLD("link.threshold"),
  BIO_PUBLISHED("bio.published"),
  BIO_UNPUBLISHED("bio.unpublished"),
  ASSET_UPLOADED("asset.uploaded"),
  SUBSCRIPTION_UPDATED("subscription.updated"),
  TEST_PING("test.ping"),
  /** An event name this version does not know. */
  UNKNOWN("");

  private final String wireName;

  XqrWebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name xQR sends in {@code event} and {@code X-XQR-Event}, e.g. {@code link.created}; empty for {@link #UNKNOWN}. */
  public String wireName() {
    return wireName;
  }

  /** Whether the event is about one link ({@code link.*}). */
  public boolean isLinkEvent() {
    return wireName.startsWith("link.");
  }

  /** The type of a wire name; {@link #UNKNOWN} for any other name. */
  public static XqrWebhookEventType fromWireName(String name) {
    for (XqrWebhookEventType type : values()) {
      if (type != UNKNOWN && type.wireName.equals(name)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
