package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import dev.polylink.core.internal.FrozenFields;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkReaderTest {
  private static LinkReader reader(String json) {
    return LinkReader.of("p", Operation.GET, Json.tryParse(json).orElseThrow());
  }

  private static String failure(String json) {
    return assertThrows(TransportException.class, () -> reader(json).link("id", "url", "code").build()).getMessage();
  }

  @Test
  void theTripletAndTheWholeObject() {
    JsonNode node = Json.tryParse("{\"id\": \"a1\", \"url\": \" https://s.example/abc \", \"code\": \"abc\", \"x\": 1}")
        .orElseThrow();
    LinkReader reader = LinkReader.of("p", Operation.GET, node);
    Link link = reader.link("id", "url", "code").build();
    assertEquals("p", link.providerId());
    assertEquals(LinkId.of("a1"), link.id());
    assertEquals(URI.create("https://s.example/abc"), link.shortUrl());
    assertEquals("abc", link.shortCode());
    assertEquals(Map.of("id", "a1", "url", " https://s.example/abc ", "code", "abc", "x", 1), link.providerFields());
    assertSame(node, reader.node());
  }

  @Test
  void mappingALinkDoesNotConvertItsFieldsUntilTheyAreRead() {
    JsonNode node = Json.tryParse("{\"id\": \"a1\", \"url\": \"https://s.example/abc\", \"meta\": {\"k\": [1]}}")
        .orElseThrow();
    Link link = LinkReader.of("p", Operation.GET, node).link("id", "url", null).title("t").build();
    FrozenFields fields = (FrozenFields) link.providerFields();
    assertFalse(fields.isConverted());
    assertEquals("abc", link.shortCode());
    Link copy = link.toBuilder().enabled(true).build();
    assertSame(fields, copy.providerFields());
    assertFalse(fields.isConverted());

    assertEquals("Link{providerId=p, id=a1, shortUrl=https://s.example/abc, shortCode=abc, title=t,"
        + " providerFields=[id, url, meta]}", link.toString());
    assertFalse(fields.isConverted());

    Object meta = link.providerFields().get("meta");
    assertTrue(fields.isConverted());
    assertEquals(Map.of("k", java.util.List.of(1)), meta);
    assertSame(meta, link.providerFields().get("meta"));
    assertSame(meta, copy.providerFields().get("meta"));
  }

  @Test
  void linksMappedFromEqualObjectsAreEqualAndHashAlike() {
    String json = "{\"id\": \"a1\", \"url\": \"https://s.example/abc\", \"gone\": null, \"x\": 1}";
    Link a = reader(json).link("id", "url", null).build();
    Link b = reader(json).link("id", "url", null).build();
    Link plain = Link.builder().providerId("p").id(LinkId.of("a1")).shortUrl(URI.create("https://s.example/abc"))
        .shortCode("abc").providerFields(Json.toPlainMap(Json.tryParse("{\"id\": \"a1\", \"url\": \"https://s.example/abc\", \"x\": 1}").orElseThrow())).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(plain, a);
    assertEquals(a, plain);
    assertEquals(plain.hashCode(), a.hashCode());
    assertEquals(plain.toString(), a.toString());
    assertNotEquals(a, reader(json.replace("\"x\": 1", "\"x\": 2")).link("id", "url", null).build());
  }

  @Test
  void anIntegerIdIsReadInDecimal() {
    assertEquals(LinkId.of("501"), reader("{\"id\": 501, \"url\": \"https://s.example/abc\"}").link("id", "url", null).build().id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "null", "true", "1.5", "{}", "[]"})
  void aBlankOrMistypedIdIsUnreadable(String id) {
    assertEquals("p get failed: unexpected response: the link has no \"id\"",
        failure("{\"id\": " + id + ", \"url\": \"https://s.example/abc\", \"code\": \"abc\"}"));
  }

  @Test
  void aMissingIdIsUnreadable() {
    assertEquals("p get failed: unexpected response: the link has no \"id\"",
        failure("{\"url\": \"https://s.example/abc\", \"code\": \"abc\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\" \"", "null", "\"/abc\"", "\"s.example/abc\"", "\"https://s.example/a b\"", "7"})
  void aMissingRelativeOrMalformedShortUrlIsUnreadable(String url) {
    assertEquals("p get failed: unexpected response: the link has no readable \"url\"",
        failure("{\"id\": \"a1\", \"url\": " + url + ", \"code\": \"abc\"}"));
  }

  @Test
  void theFirstReadableShortUrlWins() {
    LinkReader reader = reader("{\"link\": \"/x\", \"short_url\": \"https://s.example/y\"}");
    assertEquals(URI.create("https://s.example/y"), reader.shortUrl("link", "short_url"));
    TransportException e = assertThrows(TransportException.class, () -> reader("{}").shortUrl("link", "short_url"));
    assertEquals("p get failed: unexpected response: the link has no readable \"link\" or \"short_url\"", e.getMessage());
  }

  @Test
  void urlTextIsWhatUrlReadsAsText() {
    LinkReader reader = reader("{\"a\": \" https://s.example/y?q=1 \", \"b\": \"/relative\", \"c\": \"mailto:a@b.example\","
        + " \"d\": \"https://s.example/a b\", \"e\": 5, \"f\": \"  \", \"g\": \"https://[::1]:8080/x\"}");
    for (String field : new String[] {"a", "b", "c", "d", "e", "f", "g", "missing"}) {
      assertEquals(reader.url(field), reader.urlText(field).map(URI::create), field);
    }
    assertEquals(Optional.of("https://s.example/y?q=1"), reader.urlText("a"));
    assertEquals(Optional.of("https://[::1]:8080/x"), reader.urlText("g"));
    assertEquals(Optional.empty(), reader.urlText("b"));
    assertEquals("https://s.example/y?q=1", reader.shortUrlText("b", "a"));
    TransportException e = assertThrows(TransportException.class, () -> reader.shortUrlText("b", "d"));
    assertEquals("p get failed: unexpected response: the link has no readable \"b\" or \"d\"", e.getMessage());
  }

  @Test
  void aMappedLinksUrlsAreTheVendorsTextParsedWhenRead() {
    Link link = reader("{\"id\": \"a1\", \"url\": \" https://s.example/abc \", \"code\": \"abc\"}")
        .link("id", "url", "code").build();
    assertEquals(URI.create("https://s.example/abc"), link.shortUrl());
    assertSame(link.shortUrl(), link.shortUrl());
    assertEquals(link, Link.builder().providerId("p").id(LinkId.of("a1")).shortCode("abc")
        .shortUrl(URI.create("https://s.example/abc"))
        .providerFields(Map.of("id", "a1", "url", " https://s.example/abc ", "code", "abc")).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "null", "5"})
  void aBlankShortCodeFallsBackToTheShortUrlsLastSegment(String code) {
    Link link = reader("{\"id\": \"a1\", \"url\": \"https://s.example/team/abc/\", \"code\": " + code + "}")
        .link("id", "url", "code").build();
    assertEquals("abc", link.shortCode());
  }

  @Test
  void withoutACodeAndAPathTheLinkIsUnreadable() {
    assertEquals("p get failed: unexpected response: the link has no short code (\"code\" is missing and the short URL"
            + " https://s.example/ has no path)",
        failure("{\"id\": \"a1\", \"url\": \"https://s.example/\", \"code\": \"\"}"));
    TransportException e = assertThrows(TransportException.class,
        () -> reader("{\"id\": \"a1\", \"url\": \"https://s.example\"}").link("id", "url", null));
    assertEquals("p get failed: unexpected response: the link has no short code (the short URL https://s.example"
        + " has no path)", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "1", "null"})
  void aLinkThatIsNotAnObjectIsUnreadable(String json) {
    TransportException e = assertThrows(TransportException.class, () -> reader(json));
    assertEquals("p get failed: unexpected response: the link is not a JSON object", e.getMessage());
    assertThrows(TransportException.class, () -> LinkReader.of("p", Operation.GET, null));
  }

  @Test
  void positiveIntegerIds() {
    assertEquals(501, reader("{\"id\": 501}").positiveId("id"));
    assertEquals(501, reader("{\"id\": \"501\"}").positiveId("id"));
    for (String id : new String[] {"0", "-3", "\"x\"", "null", "1.5"}) {
      TransportException e = assertThrows(TransportException.class, () -> reader("{\"id\": " + id + "}").positiveId("id"));
      assertEquals("p get failed: unexpected response: the link has no integer \"id\"", e.getMessage());
    }
    assertThrows(TransportException.class, () -> reader("{}").positiveId("id"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"Title\"|Title",
      "\" \"|",
      "\"\"|",
      "5|",
      "true|",
      "null|",
      "{}|",
  })
  void optionalStringsAreNonBlankTextOnly(String json, String expected) {
    assertEquals(Optional.ofNullable(expected), reader("{\"f\": " + json + "}").string("f"));
  }

  @Test
  void optionalFieldsOfTheWrongTypeAreEmptyNeverAFailure() {
    LinkReader reader = reader("{\"url\": 5, \"rel\": \"/x\", \"flag\": \"maybe\", \"n\": \"many\", \"neg\": -1,"
        + " \"t\": 17, \"bad\": \"2025-02-30T00:00:00Z\"}");
    assertEquals(Optional.empty(), reader.url("url"));
    assertEquals(Optional.empty(), reader.url("rel"));
    assertEquals(Optional.empty(), reader.url("missing"));
    assertEquals(Optional.empty(), reader.bool("flag"));
    assertEquals(OptionalLong.empty(), reader.count("n"));
    assertEquals(OptionalLong.empty(), reader.count("neg"));
    assertEquals(OptionalLong.empty(), reader.count("missing"));
    assertEquals(Optional.empty(), reader.instant("t"));
    assertEquals(Optional.empty(), reader.instant("bad"));
  }

  @Test
  void optionalFieldsOfTheRightTypeAreRead() {
    LinkReader reader = reader("{\"url\": \"https://example.com/a\", \"flag\": true, \"one\": 1, \"n\": 42,"
        + " \"zero\": 0, \"quoted\": \"7\", \"t\": \"2025-06-01T09:30:00Z\", \"local\": \"2025-06-01 09:30:00\"}");
    assertEquals(Optional.of(URI.create("https://example.com/a")), reader.url("url"));
    assertEquals(Optional.of(true), reader.bool("flag"));
    assertEquals(Optional.of(true), reader.bool("one"));
    assertEquals(OptionalLong.of(42), reader.count("n"));
    assertEquals(OptionalLong.of(0), reader.count("zero"));
    assertEquals(OptionalLong.of(7), reader.count("quoted"));
    assertEquals(Optional.of(Instant.parse("2025-06-01T09:30:00Z")), reader.instant("t"));
    assertEquals(Optional.of(Instant.parse("2025-06-01T09:30:00Z")), reader.instant("local"));
  }

  @Test
  void unreadableNamesTheProviderAndOperation() {
    TransportException e = reader("{}").unreadable("why");
    assertEquals("p get failed: unexpected response: why", e.getMessage());
    assertEquals(Operation.GET, e.operation());
  }
}
