package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.internal.Bulk;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Bulk#checkUpdate}'s rule for cleared fields: updatable and clearable, or refused. */
class BulkChecksTest {
  private static Capabilities caps(boolean clearable) {
    Capabilities.Builder b = Capabilities.builder().operations(Operation.UPDATE)
        .creatableFields(LinkField.DESTINATION).updatableFields(LinkField.TITLE);
    return (clearable ? b.clearableFields(LinkField.TITLE) : b).build();
  }

  @Test
  void clearingAnUpdatableFieldNeedsItToBeClearable() {
    LinkPatch clear = LinkPatch.builder().clearTitle().build();
    Bulk.checkUpdate("p", caps(true), clear);
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> Bulk.checkUpdate("p", caps(false), clear));
    assertEquals(Set.of(LinkField.TITLE), e.fields());
    Bulk.checkUpdate("p", caps(false), LinkPatch.builder().title("t").build());
  }

  @Test
  void clearingAFieldThatCannotBeUpdatedIsRefusedOnce() {
    Capabilities none = Capabilities.builder().operations(Operation.UPDATE).creatableFields(LinkField.DESTINATION).build();
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> Bulk.checkUpdate("p", none, LinkPatch.builder().clearTitle().build()));
    assertEquals(Set.of(LinkField.TITLE), e.fields());
  }
}
