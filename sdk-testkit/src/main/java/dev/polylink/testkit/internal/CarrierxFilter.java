package dev.polylink.testkit.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CarrierX's {@code filter} query parameter, as far as the emulator understands it: conditions
 * {@code <field> <op> <value>} joined by {@code and}, on the top-level fields of the rendered
 * object, with the operators {@code eq}, {@code ne}, {@code gt}, {@code ge}, {@code lt}, {@code le},
 * {@code like} and {@code ilike} ({@code %} and {@code _} wildcards). Values may be quoted with
 * single or double quotes; {@code null} matches a null field.
 */
final class CarrierxFilter {
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+([A-Za-z]+)\\s+('(?:[^']*)'|\"(?:[^\"]*)\"|\\S+)\\s*");
  private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

  private CarrierxFilter() {}

  /**
   * Parses a filter.
   *
   * @throws IllegalArgumentException naming what could not be understood
   */
  static Predicate<Map<String, Object>> parse(String filter) {
    List<Predicate<Map<String, Object>>> conditions = new ArrayList<>();
    for (String part : splitOutsideQuotes(filter)) {
      Matcher m = CONDITION.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("cannot parse condition '" + part.strip() + "'");
      }
      String field = m.group(1);
      String op = m.group(2).toLowerCase(Locale.ROOT);
      String raw = m.group(3);
      boolean quoted = raw.length() >= 2 && (raw.startsWith("'") || raw.startsWith("\""));
      String value = quoted ? raw.substring(1, raw.length() - 1) : raw;
      boolean isNull = !quoted && value.equalsIgnoreCase("null");
      conditions.add(condition(field, op, value, isNull));
    }
    return object -> conditions.stream().allMatch(c -> c.test(object));
  }

  private static Predicate<Map<String, Object>> condition(String field, String op, String value, boolean isNull) {
    switch (op) {
      case "eq":
        return o -> isNull ? o.get(field) == null : o.get(field) != null && compare(o.get(field), value) == 0;
      case "ne":
        return o -> isNull ? o.get(field) != null : o.get(field) == null || compare(o.get(field), value) != 0;
      case "gt":
        return o -> o.get(field) != null && compare(o.get(field), value) > 0;
      case "ge":
        return o -> o.get(field) != null && compare(o.get(field), value) >= 0;
      case "lt":
        return o -> o.get(field) != null && compare(o.get(field), value) < 0;
      case "le":
        return o -> o.get(field) != null && compare(o.get(field), value) <= 0;
      case "like":
        Pattern like = likePattern(value, 0);
        return o -> o.get(field) != null && like.matcher(String.valueOf(o.get(field))).matches();
      case "ilike":
        Pattern ilike = likePattern(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return o -> o.get(field) != null && ilike.matcher(String.valueOf(o.get(field))).matches();
      default:
        throw new IllegalArgumentException("unsupported operator '" + op + "'");
    }
  }

  private static int compare(Object actual, String value) {
    if (actual instanceof Number) {
      try {
        return new BigDecimal(actual.toString()).compareTo(new BigDecimal(value));
      } catch (NumberFormatException e) {
        return actual.toString().compareTo(value);
      }
    }
    return String.valueOf(actual).compareTo(value);
  }

  private static Pattern likePattern(String value, int flags) {
    StringBuilder regex = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), flags | Pattern.DOTALL);
  }

  private static List<String> splitOutsideQuotes(String filter) {
    List<String> parts = new ArrayList<>();
    StringBuilder masked = new StringBuilder(filter);
    char quote = 0;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else if (quote != 0) {
        masked.setCharAt(i, 'x');
      }
    }
    Matcher and = AND.matcher(masked);
    int start = 0;
    while (and.find()) {
      parts.add(filter.substring(start, and.start()));
      start = and.end();
    }
    parts.add(filter.substring(start));
    return parts;
  }
}
