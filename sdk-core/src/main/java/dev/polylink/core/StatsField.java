package dev.polylink.core;

/** The parts of {@link LinkStats} a provider can report; see {@link StatsCapabilities#fields()}. */
public enum StatsField {
  TOTAL_CLICKS,
  LAST_CLICKED_AT,
  DAILY_CLICKS,
  COUNTRIES,
  DEVICES,
  BROWSERS,
  REFERRERS
}
