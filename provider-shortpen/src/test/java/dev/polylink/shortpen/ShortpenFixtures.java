package dev.polylink.shortpen;

import dev.polylink.core.testing.Fixtures;
import java.util.Arrays;
import java.util.stream.Collectors;

/** ShortPen response bodies for the tests: the documented ones from resources, and list pages. */
final class ShortpenFixtures {
  /** The documented Update Link answer, verbatim. */
  static final String UPDATE_RESPONSE = read("update-link-response.json");
  /** The documented generate answer ({@code {link, short_url, created, qr}}). */
  static final String GENERATE_RESPONSE = read("generate-response.json");
  /** A list page holding link 501 with every documented item field. */
  static final String LIST_PAGE = read("list-links-page.json");

  private ShortpenFixtures() {}

  static String read(String name) {
    return Fixtures.read(name);
  }

  /** A list item with this id and short code on go.shortpen.com. */
  static String item(long id, String code) {
    return "{\"id\": " + id + ", \"title\": \"Link " + id + "\", \"url\": \"https://example.com/" + id + "\","
        + " \"link\": \"https://go.shortpen.com/" + code + "\", \"short_url\": \"https://go.shortpen.com/" + code + "\","
        + " \"redirect_type\": 302, \"domain_id\": 1, \"with_password\": false,"
        + " \"created_at\": \"2025-06-01T09:30:00Z\", \"updated_at\": \"2025-06-01T09:30:00Z\"}";
  }

  /** A list page in ShortPen's envelope, with {@code total} when it is not negative. */
  static String page(int page, long total, String... items) {
    return "{\"success\": true, \"status_code\": 200, \"data\": ["
        + Arrays.stream(items).collect(Collectors.joining(", ")) + "], \"count\": " + items.length
        + (total >= 0 ? ", \"total\": " + total : "") + ", \"page\": " + page + ", \"message\": \"\"}";
  }

  /** {@code count} items with ids {@code firstId, firstId + 1, ...} and codes {@code c<id>}. */
  static String[] items(long firstId, int count) {
    String[] items = new String[count];
    for (int i = 0; i < count; i++) {
      items[i] = item(firstId + i, "c" + (firstId + i));
    }
    return items;
  }

  /** ShortPen's error envelope. */
  static String error(int status, String message) {
    return "{\"success\": false, \"status_code\": " + status + ", \"message\": \"" + message + "\"}";
  }
}
