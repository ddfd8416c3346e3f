package dev.polylink.shortpen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.spi.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body of {@code DELETE /v1/links}: one id or an array, and its whole {@code toString()}. */
class DeleteBodyTest {
  @Test
  void oneIdOrAnArrayUnderUrlId() throws Exception {
    assertEquals("{\"url_id\":501}", Json.mapper().writeValueAsString(DeleteBody.one(501)));
    assertEquals("{\"url_id\":[501,502]}", Json.mapper().writeValueAsString(DeleteBody.many(List.of(501L, 502L))));
  }

  @Test
  void toStringNamesTheIds() {
    assertEquals("DeleteBody{url_id=501}", DeleteBody.one(501).toString());
    assertEquals("DeleteBody{url_id=[501, 502]}", DeleteBody.many(List.of(501L, 502L)).toString());
  }
}
