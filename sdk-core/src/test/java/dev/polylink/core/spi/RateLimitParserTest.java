package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.RateLimitStatus;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RateLimitParserTest {
  @Test
  void theDefaultWindowsAreParsesOneWindowAndNoneForAnEmptyOrMissingOne() {
    RateLimitStatus said = RateLimitStatus.builder().limit(5).build();
    RateLimitParser one = headers -> Optional.of(said);
    RateLimitParser empty = headers -> Optional.of(RateLimitStatus.builder().build());
    assertEquals(List.of(said), one.windows(Headers.of()));
    assertEquals(List.of(), empty.windows(Headers.of()), "a status that says nothing is no window");
    assertEquals(List.of(), RateLimitParser.NONE.windows(Headers.of()));
  }
}
