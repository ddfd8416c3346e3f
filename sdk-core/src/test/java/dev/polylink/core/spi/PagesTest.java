package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PagesTest {
  @Test
  void lazyStreamsEveryPagesItems() {
    List<String> items = Pages.<String>lazy("p", ListLinksRequest.defaults(), request -> request.cursor().isEmpty()
        ? Page.of(List.of("a", "b"), Optional.of("2"), OptionalLong.empty())
        : Page.of(List.of("c"), Optional.empty(), OptionalLong.empty())).toList();
    assertEquals(List.of("a", "b", "c"), items);
  }
}
