package dev.polylink.xqr;

/** The periods of xQR's workspace analytics summary ({@code period=7d|30d|90d|all}). */
public enum XqrSummaryPeriod {
  DAYS_7("7d"),
  /** xQR's default. */
  DAYS_30("30d"),
  DAYS_90("90d"),
  ALL("all");

  private final String wireName;

  XqrSummaryPeriod(String wireName) {
    this.wireName = wireName;
  }

  /** The value of the {@code period} parameter. */
  public String wireName() {
    return wireName;
  }
}
