package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class CountingJsonBodyTest {
  @Test
  void writesTheJsonOfTheValueAndCountsEveryWrite() throws Exception {
    CountingJsonBody body = CountingJsonBody.of(Map.of("ids", List.of("a", "b")));
    assertEquals(0, body.timesSent());
    assertEquals("application/json; charset=UTF-8", body.contentType().toString());
    Buffer first = new Buffer();
    body.writeTo(first);
    assertEquals("{\"ids\":[\"a\",\"b\"]}", first.readUtf8());
    assertEquals(1, body.timesSent());
    Buffer second = new Buffer();
    body.writeTo(second);
    assertEquals(2, body.timesSent());
    assertEquals(17, body.contentLength());
    assertEquals("{\"ids\":[\"a\",\"b\"]}", second.readUtf8());
  }

  @Test
  void aValueJacksonCannotWriteIsAnIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> CountingJsonBody.of(new Object()));
  }
}
