package dev.polylink.carrierx.internal;

import dev.polylink.core.RedirectType;
import java.util.Optional;

/** CarrierX's link {@code mode} values and their unified redirect types. */
enum Mode {
  PROXY_PASS("proxy_pass", null),
  REDIRECT_PERMANENT("redirect_permanent", RedirectType.PERMANENT),
  REDIRECT_TEMPORARY("redirect_temporary", RedirectType.TEMPORARY);

  private final String wire;
  private final RedirectType redirectType;

  Mode(String wire, RedirectType redirectType) {
    this.wire = wire;
    this.redirectType = redirectType;
  }

  /** The value CarrierX sends and accepts. */
  String wire() {
    return wire;
  }

  /** The redirect type; empty for proxy pass, which does not redirect. */
  Optional<RedirectType> redirectType() {
    return Optional.ofNullable(redirectType);
  }

  static Mode of(RedirectType type) {
    return type == RedirectType.PERMANENT ? REDIRECT_PERMANENT : REDIRECT_TEMPORARY;
  }

  /** The mode CarrierX sent; empty for a value this SDK does not know. */
  static Optional<Mode> fromWire(String value) {
    for (Mode mode : values()) {
      if (mode.wire.equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
