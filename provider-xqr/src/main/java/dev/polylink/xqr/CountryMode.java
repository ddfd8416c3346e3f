package dev.polylink.xqr;

/**
 * How a {@link RoutingRule}'s {@code countries} condition is read (xQR Smart Routing {@code
 * country_mode}).
 */
public enum CountryMode {
  /** The rule matches visitors from the listed countries only ({@code "include"}). */
  INCLUDE,
  /** The rule matches visitors from every country except the listed ones ({@code "exclude"}). */
  EXCLUDE
}
