package dev.polylink.core;

/** The operations of {@link LinkClient}. */
public enum Operation {
  CREATE,
  GET,
  LIST,
  UPDATE,
  DELETE,
  /** {@link LinkClient#qrCode(LinkId, QrOptions)}. */
  QR_CODE,
  /** {@link LinkClient#stats(LinkId, StatsRequest)}. */
  STATS,
  /** {@link LinkClient#accountUsage()}. */
  ACCOUNT_USAGE;

  /** The lower-case name used in messages, e.g. {@code "create"} or {@code "qr_code"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
