package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link UriText}: the proof that a text is an absolute URI never says so of a text that {@code
 * java.net.URI} refuses or reads as relative (checked against the JDK's parser on the vendors'
 * URLs, on hand-picked edge cases and on 50,000 random texts), it vouches for the common shapes,
 * and a kept text parses to what {@code new URI(text)} gives.
 */
class UriTextTest {
  /** What {@code new URI(text)} says: absolute, relative or no URI. */
  private static Boolean jdkAbsolute(String text) {
    try {
      return new URI(text).isAbsolute();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // the vendors' documented short URLs and destinations
      "https://xqr.to/summer24",
      "https://example.com/summer-sale?utm_source=qr",
      "https://snip.url/my-article",
      "https://example.com/article",
      "https://spen.to/abc12",
      "https://example.com/launch",
      "http://carrierx.example:8080/a/b/c?x=1&y=2#frag",
      "https://example.com/a%20b/%E2%82%AC?q=%2F#f%3A",
      "https://host",
      "https://host?q",
      "https://host#",
      "http://127.0.0.1:9/x",
      "https://example.com/path;params/x@y:z$&=+,!~*'()_-.",
      "https://example.com/?a=/b?c:@&=+$,;",
      "mailto+x.y-z://h/",
      "https://ex..ample/",
      "https://host:99999999999999/",
      "https://host:/",
      "https://-host-/",
  })
  void vouchesForTheCommonShapesAndTheJdkAgrees(String text) {
    assertTrue(UriText.surelyAbsolute(text), text);
    assertEquals(Boolean.TRUE, jdkAbsolute(text), text);
    assertTrue(UriText.isAbsolute(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", ":", "h", "https", "https:", "https:/", "https://", "https:///path", "1http://h/", "ht tp://h/",
      "https://h/a b", " https://h/", "https://h/ ", "https://h/%", "https://h/%2", "https://h/%zz",
      "https://h/%2g", "https://h/#a#b", "https://h/\u20ac", "https://h\u00e9/", "https://[::1]/",
      "https://h/[x]", "https://h/?[x]", "https://u@h/", "https://h/\"", "https://h/<>", "https://h/{}",
      "https://h/|", "https://h/\\", "https://h/^", "https://h/`", "https://h/\t", "mailto:a@b.c",
      "urn:isbn:123", "/relative/path", "//host/path", "?q", "#f", "https://h_x/",
  })
  void leavesEveryOtherShapeToTheParser(String text) {
    assertFalse(UriText.surelyAbsolute(text), text);
    // and isAbsolute then says what the JDK says
    assertEquals(Boolean.TRUE.equals(jdkAbsolute(text)), UriText.isAbsolute(text), text);
  }

  @Test
  void neverVouchesForARandomTextTheJdkRefusesOrReadsAsRelative() {
    Random random = new Random(20261204L);
    // Mostly pieces the common shape allows, now and then one it does not (or one the JDK refuses).
    List<String> allowed = List.of("host", "h.example", ":8080", ":", "//", "/", "?", "#", "%41", "%e2%82%ac", "a",
        "Z", "0", "-", "_", ".", "!", "~", "*", "'", "(", ")", ";", "&", "=", "+", "$", ",", "@");
    List<String> other = List.of("%", "%2", "%g1", "[", "]", "::1", " ", "\t", "\u00e9", "\u20ac", "\"", "<", ">",
        "\\", "^", "`", "{", "}", "|", "\u0000", "\n");
    int vouched = 0;
    List<String> starts = List.of("", "https://", "x-y+z.1://", "https://h.example", "http://127.0.0.1:8080/");
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder(starts.get(random.nextInt(starts.size())));
      int parts = random.nextInt(10);
      for (int p = 0; p < parts; p++) {
        List<String> from = random.nextInt(12) == 0 ? other : allowed;
        text.append(from.get(random.nextInt(from.size())));
      }
      String t = text.toString();
      if (UriText.surelyAbsolute(t)) {
        vouched++;
        assertEquals(Boolean.TRUE, jdkAbsolute(t), "vouched for " + t);
        assertEquals(URI.create(t), UriText.parse(t, "u").uri(), t);
      }
    }
    // the generator reaches both sides: the check above is not vacuous
    assertTrue(vouched > 10_000 && vouched < 40_000, "vouched for " + vouched);
  }

  @Test
  void keepsAVouchedTextUnparsedUntilFirstReadThenKeepsTheValue() throws Exception {
    UriText text = UriText.parse("https://xqr.to/summer24", "shortUrl");
    assertNull(parsed(text));
    assertEquals("https://xqr.to/summer24", text.toString());
    URI uri = text.uri();
    assertEquals(URI.create("https://xqr.to/summer24"), uri);
    assertSame(uri, parsed(text));
    assertSame(uri, text.uri());
  }

  @Test
  void parsesOtherTextAtOnce() throws Exception {
    UriText relative = UriText.parse("/a/b", "shortUrl");
    assertEquals(URI.create("/a/b"), parsed(relative));
    UriText other = UriText.parse("mailto:a@b.c", "destination");
    assertEquals(URI.create("mailto:a@b.c"), parsed(other));
  }

  @Test
  void refusesWhatIsNotAUriNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UriText.parse("https://h/a b", "destination"));
    assertEquals("destination is not a URI: Illegal character in path at index 11: https://h/a b", e.getMessage());
    assertInstanceOf(URISyntaxException.class, e.getCause());
    assertEquals("shortUrl", assertThrows(NullPointerException.class, () -> UriText.parse(null, "shortUrl")).getMessage());
    assertEquals("destination", assertThrows(NullPointerException.class, () -> UriText.of(null, "destination")).getMessage());
    assertFalse(UriText.isAbsolute(null));
  }

  @Test
  void equalityAndHashCodeAreTheUris() {
    UriText kept = UriText.parse("HTTPS://Example.com/a%2f", "u");
    UriText parsed = UriText.of(URI.create("https://example.com/a%2F"), "u");
    // URI equality: scheme and host case-insensitive, escapes compared without case
    assertEquals(parsed, kept);
    assertEquals(kept, parsed);
    assertEquals(parsed.hashCode(), kept.hashCode());
    assertNotEquals(UriText.parse("https://example.com/b", "u"), kept);
    assertNotEquals(kept, (Object) "HTTPS://Example.com/a%2f");
    assertEquals(kept, kept);
    assertEquals("https://h/x", UriText.of(URI.create("https://h/x"), "u").toString());
  }

  private static Object parsed(UriText text) throws ReflectiveOperationException {
    Field field = UriText.class.getDeclaredField("uri");
    field.setAccessible(true);
    return field.get(text);
  }
}
