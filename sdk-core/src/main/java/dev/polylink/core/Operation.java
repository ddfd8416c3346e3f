package dev.polylink.core;

/** The operations of {@link LinkClient}. */
public enum Operation {
  /**
   * Create a link.
   */
  CREATE,
  /**
   * Read one link.
   */
  GET,
  /**
   * List links, page by page.
   */
  LIST,
  /**
   * Change a link.
   */
  UPDATE,
  /**
   * Delete a link.
   */
  DELETE,
  /** Read a link's QR image: {@link LinkClient#qrCode(LinkId, QrOptions)}. */
  QR_CODE,
  /** Read a link's click statistics: {@link LinkClient#stats(LinkId, StatsRequest)}. */
  STATS,
  /** Read the account's plan, limits and usage: {@link LinkClient#accountUsage()}. */
  ACCOUNT_USAGE;

  /** {@return the lower-case name used in messages, e.g. {@code "create"} or {@code "qr_code"}} */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
