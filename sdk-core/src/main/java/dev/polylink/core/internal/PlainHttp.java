package dev.polylink.core.internal;

import dev.polylink.core.RequestValidationException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * The plain-HTTP rule: an {@code http} base URL would send the API key in clear, so it is refused
 * unless its host is loopback (the emulators, WireMock, a local proxy) or the builder explicitly
 * allowed plain HTTP. Loopback is {@code localhost} (and {@code *.localhost}, RFC 6761), {@code
 * 127.0.0.0/8} and {@code ::1}, judged from the URL alone: no name is resolved.
 */
public final class PlainHttp {
  private PlainHttp() {}

  public static void check(String providerId, String baseUrl, boolean allowed) {
    URI uri = URI.create(baseUrl.strip());
    if (allowed || !"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
      return;
    }
    throw new RequestValidationException(
        providerId,
        "baseUrl: plain http sends the API key in clear; use https, a loopback host, or call"
            + " allowInsecurePlainHttp() on the builder (was " + uri.getScheme() + "://" + uri.getHost() + ")");
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.matches("127(\\.\\d{1,3}){3}") || h.contains(":")) {
      try {
        // A literal address: parsed, never resolved.
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
  }
}
