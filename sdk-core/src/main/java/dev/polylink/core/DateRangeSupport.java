package dev.polylink.core;

/** Whether a provider's statistics take a date range ({@link StatsRequest#from()}/{@code to()}). */
public enum DateRangeSupport {
  /** No range: the statistics are always over the link's whole life; a range is refused. */
  NONE,
  /** A range may be given; without one the vendor reports the link's whole life. */
  OPTIONAL,
  /** The vendor needs a range; a request without one is refused before sending. */
  REQUIRED
}
