package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RateLimitStatus;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * {@link RateLimitHeaders}' zero values (0 is a value, not "none") and its bounded cache of header
 * names, read by reflection: that it stays bounded is the point of {@code MAX_PREFIXES}, and nothing
 * public shows it. The prefixes this test adds are removed again.
 */
class RateLimitHeadersEdgeTest {
  private static final String PREFIX = "X-Edge-Test-" + System.nanoTime() + "-";

  @Test
  void aLimitOfZeroAloneIsReported() {
    assertEquals(Optional.of(RateLimitStatus.builder().limit(0).build()),
        RateLimitHeaders.read(Headers.of("X-RateLimit-Limit", "0"), null, "X-RateLimit-"));
  }

  @Test
  void nothingRemainingAloneIsReported() {
    assertEquals(Optional.of(RateLimitStatus.builder().remaining(0).window("w").build()),
        RateLimitHeaders.read(Headers.of("X-RateLimit-Remaining", "0"), "w", "X-RateLimit-"));
  }

  @Test
  void aResetAtTheEpochAloneIsReported() {
    assertEquals(Optional.of(RateLimitStatus.builder().resetAt(Instant.EPOCH).build()),
        RateLimitHeaders.read(Headers.of("X-RateLimit-Reset", "0"), null, "X-RateLimit-"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String[]> names() throws ReflectiveOperationException {
    Field f = RateLimitHeaders.class.getDeclaredField("NAMES");
    f.setAccessible(true);
    return (Map<String, String[]>) f.get(null);
  }

  @Test
  void aPrefixNeverSeenIsReadAndTheCacheOfNamesStaysBounded() throws Exception {
    Field max = RateLimitHeaders.class.getDeclaredField("MAX_PREFIXES");
    max.setAccessible(true);
    int bound = max.getInt(null);
    Map<String, String[]> cache = names();
    List<String> added = new ArrayList<>();
    try {
      for (int i = 0; i < bound + 6; i++) {
        String prefix = PREFIX + i + "-";
        added.add(prefix);
        assertEquals(Optional.of(RateLimitStatus.builder().limit(i).remaining(1).build()),
            RateLimitHeaders.read(Headers.of(prefix + "Limit", Integer.toString(i), prefix + "Remaining", "1"), null,
                prefix));
      }
      assertEquals(bound, cache.size(), "filled up to the bound, not past it");
      assertTrue(cache.containsKey(PREFIX + "0-"), "a prefix seen while there was room is kept");
    } finally {
      added.forEach(cache::remove);
    }
  }
}
