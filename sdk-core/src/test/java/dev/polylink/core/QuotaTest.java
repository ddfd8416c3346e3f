package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QuotaTest {
  @Test
  void toBuilderKeepsEveryValueAndChangesOnlyWhatIsSet() {
    Quota quota = Quota.builder("api_calls").limit(50_000).used(12).remaining(49_988).build();
    assertEquals(quota, quota.toBuilder().build());
    Quota more = quota.toBuilder().used(13).remaining(49_987).build();
    assertEquals("api_calls", more.name());
    assertEquals(OptionalLong.of(50_000), more.limit());
    assertEquals(OptionalLong.of(13), more.used());
    assertEquals(OptionalLong.of(49_987), more.remaining());
    assertEquals(OptionalLong.of(12), quota.used(), "the original is unchanged");
  }

  @Test
  void toStringSaysEachNumberOrNull() {
    assertEquals("Quota{links: limit=null, used=3, remaining=null}", Quota.builder("links").used(3).build().toString());
  }
}
