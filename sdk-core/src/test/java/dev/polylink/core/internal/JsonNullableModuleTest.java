package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polylink.core.spi.JsonNullable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonNullableModule} on a mapper of each test's own (a mapper caches what the module
 * makes for a type, so a shared one would answer from an earlier test's cache).
 */
class JsonNullableModuleTest {
  /** A bean with tri-state properties; public fields, so no record support is needed. */
  public static final class Body {
    public JsonNullable<Long> count = JsonNullable.undefined();
    public JsonNullable<List<Long>> ids = JsonNullable.undefined();
    public String name;
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new JsonNullableModule());
  }

  @Test
  void anUndefinedPropertyIsLeftOutANullOneWrittenAsNullAValueAsItself() throws Exception {
    Body body = new Body();
    body.name = "n";
    assertEquals("{\"name\":\"n\"}", mapper().writeValueAsString(body));
    body.count = JsonNullable.of(null);
    body.ids = JsonNullable.of(List.of(1L, 2L));
    assertEquals("{\"count\":null,\"ids\":[1,2],\"name\":\"n\"}", mapper().writeValueAsString(body));
  }

  @Test
  void outsideABeanAnUndefinedValueIsWrittenAsNull() throws Exception {
    assertEquals("null", mapper().writeValueAsString(JsonNullable.undefined()));
    assertEquals("7", mapper().writeValueAsString(JsonNullable.of(7)));
  }

  @Test
  void readingKeepsTheDeclaredTypeArgumentAndTellsNullFromMissing() throws Exception {
    Body read = mapper().readValue("{\"count\": 5, \"ids\": [3, 4]}", Body.class);
    assertEquals(JsonNullable.of(5L), read.count);
    assertEquals(Long.class, read.count.get().getClass());
    assertEquals(JsonNullable.of(List.of(3L, 4L)), read.ids);
    assertEquals(Long.class, read.ids.get().get(0).getClass());
    Body nulls = mapper().readValue("{\"count\": null}", Body.class);
    assertTrue(nulls.count.isPresent());
    assertEquals(null, nulls.count.get());
    assertFalse(nulls.ids.isPresent(), "missing stays undefined");
  }

  @Test
  void aTopLevelValueIsReadWithItsTypeArgument() throws Exception {
    JsonNullable<Long> value = mapper().readValue("9", new TypeReference<JsonNullable<Long>>() { });
    assertEquals(JsonNullable.of(9L), value);
    assertEquals(Long.class, value.get().getClass());
  }
}
