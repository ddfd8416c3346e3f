package dev.polylink.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.ClickCount;
import dev.polylink.core.DailyClicks;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lenient readers of the statistics arrays vendors send: {@code [{"<name>": "US", "<count>": 12}]},
 * a {@code {"US": 12}} object, or {@code [{"date": "2026-12-01", "<count>": 3}]}. Vendors rarely
 * document the element shape, so the candidate member names are passed in, first match wins. An
 * element that cannot be read is skipped, never guessed; a missing or non-container node is empty.
 */
public final class ClickCounts {
  private ClickCounts() {}

  /**
   * Clicks per value; {@code names} and {@code counts} are the candidate member names.
   * @param node the node
   * @param names the names
   * @param counts the counts
   * @return clicks per value; {@code names} and {@code counts} are the candidate member names
   */
  public static Optional<List<ClickCount>> read(JsonNode node, List<String> names, List<String> counts) {
    if (node == null || !node.isContainerNode()) {
      return Optional.empty();
    }
    List<ClickCount> out = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        JsonNode v = e.getValue();
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
          out.add(ClickCount.of(e.getKey(), v.longValue()));
        }
      }
      return Optional.of(out);
    }
    for (JsonNode element : node) {
      Optional<String> value = first(element, names);
      OptionalLong count = count(element, counts);
      if (value.isPresent() && count.isPresent()) {
        out.add(ClickCount.of(value.get(), count.getAsLong()));
      }
    }
    return Optional.of(out);
  }

  /**
   * Clicks per day from {@code [{"<date>": "YYYY-MM-DD...", "<count>": n}]}.
   * @param node the node
   * @param dates the dates
   * @param counts the counts
   * @return clicks per day from {@code [{"<date>": "YYYY-MM-DD...", "<count>": n}]}
   */
  public static Optional<List<DailyClicks>> daily(JsonNode node, List<String> dates, List<String> counts) {
    if (node == null || !node.isArray()) {
      return Optional.empty();
    }
    List<DailyClicks> out = new ArrayList<>();
    for (JsonNode element : node) {
      Optional<LocalDate> date = first(element, dates).flatMap(ClickCounts::date);
      OptionalLong count = count(element, counts);
      if (date.isPresent() && count.isPresent()) {
        out.add(DailyClicks.of(date.get(), count.getAsLong()));
      }
    }
    return Optional.of(out);
  }

  /**
   * The calendar date at the start of an ISO date or date-time, as the vendor wrote it.
   * @param text the text
   * @return the calendar date at the start of an ISO date or date-time, as the vendor wrote it
   */
  public static Optional<LocalDate> date(String text) {
    if (text.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> first(JsonNode element, List<String> names) {
    for (String name : names) {
      Optional<String> text = Json.text(element, name).filter(s -> !s.isBlank());
      if (text.isPresent()) {
        return text;
      }
    }
    return Optional.empty();
  }

  private static OptionalLong count(JsonNode element, List<String> names) {
    for (String name : names) {
      OptionalLong n = Json.wholeNumber(element, name);
      if (n.isPresent()) {
        return n;
      }
    }
    return OptionalLong.empty();
  }
}
