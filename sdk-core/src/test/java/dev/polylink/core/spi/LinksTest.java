package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinksTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://s.example/abc|abc",
      "https://s.example/abc/|abc",
      "https://s.example/abc//|abc",
      "https://s.example/team/abc|abc",
      "https://s.example//abc|abc",
      "https://s.example/team/abc/|abc",
      "https://s.example/abc?utm=1#top|abc",
      "https://s.example:8443/abc|abc",
      "https://s.example/a%20b|a b",
      "https://s.example/a%2Fb|b",
      "https://s.example/a|a",
      "http://newdomain.com/eOtEtO|eOtEtO",
  })
  void theShortCodeIsTheLastNonEmptySegment(String url, String code) {
    assertEquals(Optional.of(code), Links.lastPathSegment(URI.create(url)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://s.example", "https://s.example/", "https://s.example//", "https://s.example?q=abc",
      "https://s.example/#abc", "mailto:abc@s.example", "urn:abc"})
  void aUrlWithoutSegmentsHasNone(String url) {
    assertEquals(Optional.empty(), Links.lastPathSegment(URI.create(url)));
  }

  @Test
  void relativeUrisAndNullAreRead() {
    assertEquals(Optional.of("abc"), Links.lastPathSegment(URI.create("abc")));
    assertEquals(Optional.of("abc"), Links.lastPathSegment(URI.create("/x/abc")));
    assertEquals(Optional.empty(), Links.lastPathSegment(URI.create("")));
    assertEquals(Optional.empty(), Links.lastPathSegment(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://s.example/abc", "http://newdomain.com/eOtEtO", "https://example.com/a?b=c#d",
      "mailto:someone@example.com", "ftp://files.example/x"})
  void absoluteUrisAreRead(String text) {
    assertEquals(Optional.of(URI.create(text)), Links.absoluteUri(text));
    assertEquals(Optional.of(URI.create(text)), Links.absoluteUri("  " + text + "\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not a uri", "/relative/path", "abc", "//s.example/abc", "https://s.example/a b",
      "https://s.example/%zz", "://missing-scheme"})
  void anythingElseIsNoAbsoluteUri(String text) {
    assertEquals(Optional.empty(), Links.absoluteUri(text));
  }

  @Test
  void nullIsNoAbsoluteUri() {
    assertEquals(Optional.empty(), Links.absoluteUri(null));
  }
}
