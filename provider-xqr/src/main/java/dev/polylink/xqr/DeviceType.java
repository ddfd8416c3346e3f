package dev.polylink.xqr;

/** A visitor's device class, for a {@link RoutingRule}'s {@code device_types} condition. */
public enum DeviceType {
  /** Phones ({@code "mobile"}). */
  MOBILE,
  /** Tablets ({@code "tablet"}). */
  TABLET,
  /** Desktop and laptop computers ({@code "desktop"}). */
  DESKTOP
}
