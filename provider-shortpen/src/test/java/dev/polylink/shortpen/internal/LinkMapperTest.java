package dev.polylink.shortpen.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** When two short URLs name the same ShortPen link (the create look-up's match). */
class LinkMapperTest {
  private static boolean same(String a, String b) {
    return LinkMapper.sameShortUrl(URI.create(a), URI.create(b));
  }

  @Test
  void schemeAndHostIgnoreCaseAndAFinalSlashIsIgnored() {
    assertTrue(same("https://go.shortpen.com/summer", "HTTPS://Go.ShortPen.com/summer/"));
    assertTrue(same("https://go.shortpen.com/summer?ref=qr", "https://go.shortpen.com/summer/?ref=qr"));
  }

  @Test
  void theHostThePathAndTheQueryCount() {
    assertFalse(same("https://go.shortpen.com/summer", "https://sp.example/summer"));
    assertFalse(same("https://go.shortpen.com/summer", "https://go.shortpen.com/Summer"));
    assertFalse(same("https://go.shortpen.com/summer?ref=qr", "https://go.shortpen.com/summer?ref=mail"));
    assertFalse(same("https://go.shortpen.com/summer?ref=qr", "https://go.shortpen.com/summer"));
    assertFalse(same("mailto:a@example.com", "https://go.shortpen.com/a"));
  }
}
