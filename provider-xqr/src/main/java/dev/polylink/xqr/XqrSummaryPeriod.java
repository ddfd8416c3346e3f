package dev.polylink.xqr;

/** The periods of xQR's workspace analytics summary ({@code period=7d|30d|90d|all}). */
public enum XqrSummaryPeriod {
  /** The last 7 days, {@code 7d}. */
  DAYS_7("7d"),
  /** The last 30 days, {@code 30d}: xQR's default. */
  DAYS_30("30d"),
  /** The last 90 days, {@code 90d}. */
  DAYS_90("90d"),
  /** The workspace's whole history, {@code all}. */
  ALL("all");

  private final String wireName;

  XqrSummaryPeriod(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the value of the {@code period} parameter} */
  public String wireName() {
    return wireName;
  }
}
