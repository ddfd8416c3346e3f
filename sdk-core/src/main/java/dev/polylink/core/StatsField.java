package dev.polylink.core;

/** The parts of {@link LinkStats} a provider can report; see {@link StatsCapabilities#fields()}. */
public enum StatsField {
  /** {@link LinkStats#totalClicks()}. */
  TOTAL_CLICKS,
  /** {@link LinkStats#lastClickedAt()}. */
  LAST_CLICKED_AT,
  /** {@link LinkStats#dailyClicks()}. */
  DAILY_CLICKS,
  /** {@link LinkStats#countries()}. */
  COUNTRIES,
  /** {@link LinkStats#devices()}. */
  DEVICES,
  /** {@link LinkStats#browsers()}. */
  BROWSERS,
  /** {@link LinkStats#referrers()}. */
  REFERRERS
}
