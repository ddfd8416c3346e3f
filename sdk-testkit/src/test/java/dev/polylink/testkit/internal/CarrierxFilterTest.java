package dev.polylink.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * CarrierX's {@code filter=<attr> <op> <value>} (conditions joined by {@code and}), each operator
 * at its boundary, against three rendered objects: which of them a filter keeps.
 */
class CarrierxFilterTest {
  private static final List<Map<String, Object>> OBJECTS = List.of(
      object("a", 10, "Summer Sale", "https://example.com/a"),
      object("b", 20, "summer and winter", null),
      object("c", 30, null, "https://example.com/c"));

  private static Map<String, Object> object(String sid, int ttl, String name, String url) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("sid", sid);
    o.put("maximum_ttl", ttl);
    o.put("name", name);
    o.put("url", url);
    return o;
  }

  private static String kept(String filter) {
    Predicate<Map<String, Object>> p = CarrierxFilter.parse(filter);
    return OBJECTS.stream().filter(p).map(o -> (String) o.get("sid")).collect(Collectors.joining());
  }

  @Test
  void comparisonsOnNumbersMeetAtTheBoundary() {
    assertEquals("b", kept("maximum_ttl eq 20"));
    assertEquals("b", kept("maximum_ttl eq 20.0"));
    assertEquals("ac", kept("maximum_ttl ne 20"));
    assertEquals("c", kept("maximum_ttl gt 20"));
    assertEquals("bc", kept("maximum_ttl ge 20"));
    assertEquals("a", kept("maximum_ttl lt 20"));
    assertEquals("ab", kept("maximum_ttl le 20"));
    assertEquals("bc", kept("maximum_ttl GT 9 and maximum_ttl le 30 AND maximum_ttl ne 10"));
    assertEquals("", kept("maximum_ttl gt 9 and maximum_ttl lt 10"));
  }

  @Test
  void aNumberComparedWithTextComparesAsText() {
    // "10", "20", "30" against "2x": only as strings, "30" > "2x" > "20" > "10".
    assertEquals("c", kept("maximum_ttl gt 2x"));
    assertEquals("ab", kept("maximum_ttl lt 2x"));
    assertEquals("", kept("maximum_ttl eq 2x"));
    // A text field compares as text even with a numeric value: "a", "b", "c" > "20".
    assertEquals("abc", kept("sid gt 20"));
  }

  @Test
  void nullMatchesOnlyANullFieldAndOrderingSkipsNulls() {
    assertEquals("c", kept("name eq null"));
    assertEquals("c", kept("name eq NULL"));
    assertEquals("ab", kept("name ne null"));
    assertEquals("", kept("name eq 'null'"));
    assertEquals("abc", kept("name ne 'null'"));
    assertEquals("bc", kept("url ne 'https://example.com/a'"));
    assertEquals("a", kept("url eq 'https://example.com/a'"));
    assertEquals("", kept("url gt 'https://example.com/c'"));
    assertEquals("c", kept("url ge 'https://example.com/c'"));
    assertEquals("", kept("url lt 'https://example.com/a'"));
    assertEquals("a", kept("url le 'https://example.com/a'"));
    assertEquals("", kept("name like null"));
    assertEquals("ab", kept("name ilike %"));
  }

  @Test
  void likeIsCaseSensitiveAndIlikeIsNot() {
    assertEquals("a", kept("name like 'Summer%'"));
    assertEquals("ab", kept("name ilike 'summer%'"));
    assertEquals("ab", kept("name ilike \"SUMMER%\""));
    assertEquals("a", kept("name like '_ummer S%'"));
    assertEquals("", kept("name like 'Summer'"));
    assertEquals("", kept("name like 'S.mmer%'"));
    Map<String, Object> multiline = new HashMap<>();
    multiline.put("name", "line one\nline two");
    assertEquals(true, CarrierxFilter.parse("name like 'line%two'").test(multiline));
    assertEquals(true, CarrierxFilter.parse("name ilike 'LINE%TWO'").test(multiline));
  }

  @Test
  void andInsideQuotesIsPartOfTheValue() {
    assertEquals("b", kept("name eq 'summer and winter'"));
    assertEquals("b", kept("name eq \"summer and winter\" and maximum_ttl eq 20"));
    assertEquals("", kept("name eq 'summer and winter' and maximum_ttl eq 10"));
    assertEquals("a", kept("name eq \"Summer Sale\""));
    Map<String, Object> apostrophe = new HashMap<>();
    apostrophe.put("name", "it's");
    // An apostrophe inside double quotes neither opens nor closes a quote.
    assertEquals(true, CarrierxFilter.parse("name like \"%'%\" and name ne 'x and y'").test(apostrophe));
    assertEquals(false, CarrierxFilter.parse("name like \"%'%\" and name eq 'x and y'").test(apostrophe));
  }

  @Test
  void aOneCharacterValueIsNotAQuotedOne() {
    Map<String, Object> quote = new HashMap<>();
    quote.put("mark", "'");
    assertEquals(true, CarrierxFilter.parse("mark eq '").test(quote));
    quote.put("mark", "");
    assertEquals(true, CarrierxFilter.parse("mark eq ''").test(quote));
  }

  @Test
  void whatCannotBeParsedIsNamed() {
    assertEquals("cannot parse condition 'maximum_ttl'",
        assertThrows(IllegalArgumentException.class, () -> CarrierxFilter.parse("maximum_ttl")).getMessage());
    assertEquals("cannot parse condition 'b eq 2 c'",
        assertThrows(IllegalArgumentException.class, () -> CarrierxFilter.parse("a eq 1 and b eq 2 c")).getMessage());
    assertEquals("unsupported operator 'between'",
        assertThrows(IllegalArgumentException.class, () -> CarrierxFilter.parse("ttl BETWEEN 1")).getMessage());
  }
}
