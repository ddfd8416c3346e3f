package dev.polylink.core.spi;

import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Client-side validation shared by providers. Every check returns normally or throws a {@link
 * RequestValidationException} whose violation names the field and the rule.
 */
public final class Checks {
  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Checks() {}

  /**
   * Parses an absolute http or https URL with a host.
   *
   * @param providerId who is asking (for the exception)
   * @param field the field name used in the message, e.g. {@code "destination"}
   * @param value the value to check
   * @return the URL
   */
  public static URI httpUrl(String providerId, String field, String value) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw invalid(providerId, field, "must be an absolute http or https URL", value);
    }
    return httpUrl(providerId, field, uri);
  }

  /**
   * Checks that a URI is an absolute http or https URL with a host. Internationalized domain names
   * ({@code https://münchen.de/}) are hosts too, although {@link URI#getHost()} does not see them.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param value the value to check
   * @return {@code uri}, checked
   */
  public static URI httpUrl(String providerId, String field, URI value) {
    String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
    if (!value.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || !hasHost(value)) {
      throw invalid(providerId, field, "must be an absolute http or https URL", value.toString());
    }
    return value;
  }

  private static boolean hasHost(URI value) {
    if (value.getHost() != null) {
      return !value.getHost().isEmpty();
    }
    // java.net.URI parses a non-ASCII host as a registry-based authority without a host: accept it
    // when its host part is a valid internationalized domain name.
    String authority = value.getRawAuthority();
    if (authority == null || value.isOpaque()) {
      return false;
    }
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && host.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
      host = host.substring(0, colon);
    }
    if (host.isEmpty()) {
      return false;
    }
    try {
      String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
      return !ascii.isEmpty() && new URI("http://" + ascii + "/").getHost() != null;
    } catch (IllegalArgumentException | URISyntaxException e) {
      return false;
    }
  }

  /**
   * Checks a value against a pattern, describing the rule in words for the message.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param value the value to check
   * @param pattern the pattern the value must match
   * @param rule the rule in words, for the message
   * @return {@code value}, checked
   */
  public static String matches(
      String providerId, String field, String value, Pattern pattern, String rule) {
    if (!pattern.matcher(value).matches()) {
      throw invalid(providerId, field, rule, value);
    }
    return value;
  }

  /**
   * Checks that a collection has at most {@code max} elements.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param values the values by configuration key
   * @param max the largest value allowed
   */
  public static void atMost(String providerId, String field, Collection<?> values, int max) {
    if (values.size() > max) {
      throw new RequestValidationException(
          providerId, field + ": at most " + max + " allowed (was " + values.size() + ")");
    }
  }

  /**
   * Checks that an int lies in {@code [min, max]}.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param value the value to check
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @return {@code value}, checked
   */
  public static int inRange(String providerId, String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new RequestValidationException(
          providerId, field + ": must be between " + min + " and " + max + " (was " + value + ")");
    }
    return value;
  }

  /**
   * {@return the id as a UUID, or a {@link RequestValidationException} naming the expected shape}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param id the link's id
   */
  public static UUID uuidId(String providerId, LinkId id) {
    String value = id.value();
    if (!UUID_SHAPE.matcher(value).matches()) {
      throw invalid(providerId, "id", "must be a UUID", value);
    }
    return UUID.fromString(value);
  }

  /**
   * {@return the id as a positive integer, or a {@link RequestValidationException}}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param id the link's id
   */
  public static long positiveIntegerId(String providerId, LinkId id) {
    String value = id.value();
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(providerId, "id", "must be a positive integer", value);
    }
    if (parsed <= 0 || !Long.toString(parsed).equals(value)) {
      throw invalid(providerId, "id", "must be a positive integer", value);
    }
    return parsed;
  }

  /**
   * {@return A {@link RequestValidationException} for one field; the value is quoted and shortened}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param rule the rule in words, for the message
   * @param value the value to check
   */
  public static RequestValidationException invalid(
      String providerId, String field, String rule, String value) {
    return new RequestValidationException(providerId, field + ": " + rule + " (was " + quote(value) + ")");
  }

  /**
   * Several violations at once.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param violations every rule the input broke; not empty
   * @return the exception, to throw
   */
  public static RequestValidationException invalid(String providerId, List<String> violations) {
    return new RequestValidationException(providerId, violations);
  }

  private static String quote(String value) {
    String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    return '"' + shown + '"';
  }
}
