package dev.polylink.shortpen.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkPatch;
import dev.polylink.shortpen.ShortpenOptions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request bodies never show the password (or the images) in {@code toString()}. */
class LinkWriteBodyTest {
  private static final String PASSWORD = "hunter2-very-secret";
  private static final String IMAGE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  @Test
  void aCreateBodyMasksThePasswordAndShowsImagesByLength() {
    LinkWriteBody body = RequestBodies.create(
        CreateLinkRequest.builder().destination("https://example.com/a").password(PASSWORD).build(),
        Optional.of(ShortpenOptions.builder().uploadedLogo(IMAGE).socialShareImage(IMAGE).build()),
        1L,
        null);
    String text = body.toString();
    assertFalse(text.contains(PASSWORD), text);
    assertFalse(text.contains(IMAGE), text);
    assertTrue(text.contains("with_password=true, url_password=****"), text);
    assertTrue(text.contains("uploaded_logo_data=<" + IMAGE.length() + " chars>"), text);
  }

  @Test
  void anUpdateBodyMasksThePassword() {
    String text = RequestBodies.update(501, LinkPatch.builder().password(PASSWORD).build(), Optional.empty()).toString();
    assertFalse(text.contains(PASSWORD), text);
    assertTrue(text.contains("url_id=501"), text);
  }
}
