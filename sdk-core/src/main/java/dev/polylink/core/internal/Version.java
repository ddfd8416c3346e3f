package dev.polylink.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK version, read once from the filtered {@code polylink.properties}. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/dev/polylink/core/polylink.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown": the version only decorates the User-Agent.
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }
}
