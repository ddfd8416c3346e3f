package dev.polylink.xqr.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of an API key may be shown. xQR keys look like {@code xqr_pk_<8 hex prefix>.<secret>}; the
 * prefix identifies the key and is safe to log, the secret never is. Keys of another shape are shown
 * as {@code ****} only.
 */
final class ApiKeyHint {
  private static final Pattern KEY = Pattern.compile("(xqr_pk_[0-9a-fA-F]{8})\\..+");

  private ApiKeyHint() {}

  /** {@code xqr_pk_a1b2c3d4.****} for a well-formed key, {@code ****} otherwise. */
  static String of(String apiKey) {
    Matcher m = KEY.matcher(apiKey);
    return m.matches() ? m.group(1) + ".****" : "****";
  }
}
