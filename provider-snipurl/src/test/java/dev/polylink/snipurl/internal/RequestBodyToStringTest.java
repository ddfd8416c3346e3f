package dev.polylink.snipurl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.spi.JsonNullable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole {@code toString()} of SnipURL's request bodies: a password shows only as {@code ****}. */
class RequestBodyToStringTest {
  private static final String PASSWORD = "hunter2-very-secret";

  @Test
  void aCreateBodyMasksThePassword() {
    assertEquals(
        "CreateLinkBody{url=https://example.com/a, custom_alias=spring-sale, title=Spring, password=****,"
            + " expires_at=2026-06-01T00:00:00Z}",
        new CreateLinkBody("https://example.com/a", "spring-sale", "Spring", PASSWORD, "2026-06-01T00:00:00Z")
            .toString());
    assertEquals(
        "CreateLinkBody{url=https://example.com/a, custom_alias=null, title=null, password=null,"
            + " expires_at=null}",
        new CreateLinkBody("https://example.com/a", null, null, null, null).toString());
  }

  @Test
  void anUpdateBodyMasksASetPasswordAndShowsARemovedOne() {
    assertEquals(
        "UpdateLinkBody{title=JsonNullable[Spring], is_active=JsonNullable[false], password=****,"
            + " expires_at=JsonNullable[null], analytics_public=JsonNullable[true],"
            + " analytics_shared_fields=JsonNullable[[overview]]}",
        new UpdateLinkBody(JsonNullable.of("Spring"), JsonNullable.of(false), JsonNullable.of(PASSWORD),
            JsonNullable.of(null), JsonNullable.of(true), JsonNullable.of(List.of("overview"))).toString());
    assertEquals(
        "UpdateLinkBody{title=JsonNullable.undefined, is_active=JsonNullable.undefined, password=null,"
            + " expires_at=JsonNullable.undefined, analytics_public=JsonNullable.undefined,"
            + " analytics_shared_fields=JsonNullable.undefined}",
        new UpdateLinkBody(JsonNullable.undefined(), JsonNullable.undefined(), JsonNullable.of(null),
            JsonNullable.undefined(), JsonNullable.undefined(), JsonNullable.undefined()).toString());
    assertEquals(
        "UpdateLinkBody{title=JsonNullable.undefined, is_active=JsonNullable.undefined, password=undefined,"
            + " expires_at=JsonNullable.undefined, analytics_public=JsonNullable.undefined,"
            + " analytics_shared_fields=JsonNullable.undefined}",
        new UpdateLinkBody(JsonNullable.undefined(), JsonNullable.undefined(), JsonNullable.undefined(),
            JsonNullable.undefined(), JsonNullable.undefined(), JsonNullable.undefined()).toString());
  }
}
