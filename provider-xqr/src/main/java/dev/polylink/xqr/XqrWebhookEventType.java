package dev.polylink.xqr;

/**
 * The webhook events xQR documents, by their wire names. An event xQR adds later is {@link
 * #UNKNOWN}, with its name and payload kept on {@link XqrWebhookEvent}.
 */
public enum XqrWebhookEventType {
  /** A link was created: {@code link.created}. */
  LINK_CREATED("link.created"),
  /** A link was changed: {@code link.updated}. */
  LINK_UPDATED("link.updated"),
  /** A link was deleted: {@code link.deleted}. */
  LINK_DELETED("link.deleted"),
  /** A link was followed (scanned): {@code link.scanned}. */
  LINK_SCANNED("link.scanned"),
  /** A link reached a scan threshold: {@code link.threshold}. */
  LINK_THRESHOLD("link.threshold"),
  /** A bio page was published: {@code bio.published}. */
  BIO_PUBLISHED("bio.published"),
  /** A bio page was unpublished: {@code bio.unpublished}. */
  BIO_UNPUBLISHED("bio.unpublished"),
  /** An asset was uploaded: {@code asset.uploaded}. */
  ASSET_UPLOADED("asset.uploaded"),
  /** The workspace's subscription changed: {@code subscription.updated}. */
  SUBSCRIPTION_UPDATED("subscription.updated"),
  /** A test delivery: {@code test.ping}. */
  TEST_PING("test.ping"),
  /** An event name this version does not know. */
  UNKNOWN("");

  private final String wireName;

  XqrWebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the name xQR sends in {@code event} and {@code X-XQR-Event}, e.g. {@code link.created}; empty for {@link #UNKNOWN}} */
  public String wireName() {
    return wireName;
  }

  /** {@return whether the event is about one link ({@code link.*})} */
  public boolean isLinkEvent() {
    return wireName.startsWith("link.");
  }

  /**
   * The type of a wire name; {@link #UNKNOWN} for any other name.
   * @param name the name
   * @return the type of a wire name; {@link #UNKNOWN} for any other name
   */
  public static XqrWebhookEventType fromWireName(String name) {
    for (XqrWebhookEventType type : values()) {
      if (type != UNKNOWN && type.wireName.equals(name)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
