package dev.polylink.core.spi;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertInvalidFields;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListFilter;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestChecksTest {
  private static final Capabilities CAPS =
      Capabilities.builder()
          .operations(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE)
          .creatableFields(LinkField.DESTINATION, LinkField.SLUG, LinkField.TITLE)
          .updatableFields(LinkField.DESTINATION, LinkField.TITLE, LinkField.LABELS, LinkField.EXPIRES_AT)
          .clearableFields(LinkField.TITLE)
          .listFilters(ListFilter.SEARCH, ListFilter.ENABLED)
          .maxPageSize(50)
          .build();

  record MyOptions(String providerId) implements ProviderOptions {}

  record OtherOptions(String providerId) implements ProviderOptions {}

  @Test
  void createAcceptsCreatableFieldsAndReturnsOwnOptions() {
    CreateLinkRequest request =
        CreateLinkRequest.builder().destination("https://e.example").slug("s").title("t").options(new MyOptions("me"))
            .build();
    assertEquals(Optional.of(new MyOptions("me")), RequestChecks.create("me", CAPS, request, MyOptions.class));
    assertEquals(Optional.empty(),
        RequestChecks.create("me", CAPS, CreateLinkRequest.builder().destination("https://e.example").build(),
            MyOptions.class));
  }

  @Test
  void createNamesEveryUnsupportedField() {
    CreateLinkRequest request =
        CreateLinkRequest.builder()
            .destination("https://e.example")
            .slug("ok")
            .password("pw")
            .addLabels("l")
            .redirectType(RedirectType.PERMANENT)
            .expiresAt(Instant.EPOCH)
            .build();
    UnsupportedFieldException e =
        assertThrows(UnsupportedFieldException.class, () -> RequestChecks.create("me", CAPS, request, MyOptions.class));
    assertEquals(EnumSet.of(LinkField.LABELS, LinkField.EXPIRES_AT, LinkField.PASSWORD, LinkField.REDIRECT_TYPE),
        e.fields());
    assertEquals(Operation.CREATE, e.operation());
    assertEquals("me", e.providerId());
    assertEquals("me cannot set on create: LABELS, EXPIRES_AT, PASSWORD, REDIRECT_TYPE (operation create)",
        e.getMessage());
    assertTrue(!e.getMessage().contains("pw"));
  }

  @Test
  void anotherProvidersOptionsAreRejected() {
    CreateLinkRequest request =
        CreateLinkRequest.builder().destination("https://e.example").options(new OtherOptions("other")).build();
    RequestValidationException e =
        assertInvalid("options", () -> RequestChecks.create("me", CAPS, request, MyOptions.class));
    assertTrue(e.violations().get(0).contains("'other'") && e.violations().get(0).contains("MyOptions"),
        e.violations()::toString);
    LinkPatch patch = LinkPatch.builder().options(new OtherOptions("other")).build();
    assertInvalid("options", () -> RequestChecks.update("me", CAPS, patch, MyOptions.class));
  }

  @Test
  void updateRejectsAnEmptyPatch() {
    RequestValidationException e =
        assertInvalid("patch", () -> RequestChecks.update("me", CAPS, LinkPatch.builder().build(), MyOptions.class));
    assertEquals("me", e.providerId());
  }

  @Test
  void anOptionsOnlyPatchIsAccepted() {
    LinkPatch patch = LinkPatch.builder().options(new MyOptions("me")).build();
    assertEquals(Optional.of(new MyOptions("me")), RequestChecks.update("me", CAPS, patch, MyOptions.class));
  }

  @Test
  void updateAcceptsSupportedChangesAndClears() {
    LinkPatch patch =
        LinkPatch.builder().destination("https://e.example").clearTitle().labels(List.of("x")).expiresAt(Instant.EPOCH)
            .build();
    assertDoesNotThrow(() -> RequestChecks.update("me", CAPS, patch, MyOptions.class));
  }

  @Test
  void updateNamesFieldsThatCannotChange() {
    LinkPatch patch = LinkPatch.builder().slug("s").enabled(true).title("ok").build();
    UnsupportedFieldException e =
        assertThrows(UnsupportedFieldException.class, () -> RequestChecks.update("me", CAPS, patch, MyOptions.class));
    assertEquals(EnumSet.of(LinkField.SLUG, LinkField.ENABLED), e.fields());
    assertEquals(Operation.UPDATE, e.operation());
    assertEquals("me cannot change: SLUG, ENABLED (operation update)", e.getMessage());
  }

  @Test
  void updateTellsChangeFromClear() {
    // EXPIRES_AT can be changed but not cleared; LABELS likewise, and an empty label list is a clear.
    LinkPatch setOk = LinkPatch.builder().expiresAt(Instant.EPOCH).build();
    assertDoesNotThrow(() -> RequestChecks.update("me", CAPS, setOk, MyOptions.class));

    LinkPatch clear = LinkPatch.builder().clearExpiresAt().labels(List.of()).build();
    UnsupportedFieldException e =
        assertThrows(UnsupportedFieldException.class, () -> RequestChecks.update("me", CAPS, clear, MyOptions.class));
    assertEquals(EnumSet.of(LinkField.LABELS, LinkField.EXPIRES_AT), e.fields());
    assertTrue(e.getMessage().contains("cannot change or clear"), e.getMessage());
  }

  @Test
  void updateNamesEveryOffendingFieldAtOnce() {
    LinkPatch patch =
        LinkPatch.builder().slug("s").clearPassword().clearExpiresAt().redirectType(RedirectType.TEMPORARY)
            .title("fine").build();
    UnsupportedFieldException e =
        assertThrows(UnsupportedFieldException.class, () -> RequestChecks.update("me", CAPS, patch, MyOptions.class));
    assertEquals(
        EnumSet.of(LinkField.SLUG, LinkField.EXPIRES_AT, LinkField.PASSWORD, LinkField.REDIRECT_TYPE), e.fields());
  }

  @Test
  void listAcceptsSupportedFiltersAndSizes() {
    assertDoesNotThrow(() -> RequestChecks.list("me", CAPS, ListLinksRequest.defaults()));
    assertDoesNotThrow(
        () -> RequestChecks.list("me", CAPS, ListLinksRequest.builder().search("q").enabled(true).pageSize(50).build()));
  }

  @Test
  void listNamesUnsupportedFiltersWithTheSupportedOnesAndTheMaximumPageSize() {
    ListLinksRequest request = ListLinksRequest.builder().label("x").pageSize(51).search("ok").build();
    RequestValidationException e =
        assertInvalidFields(List.of("label", "pageSize"), () -> RequestChecks.list("me", CAPS, request));
    assertEquals("label: filter not supported by me (supported: enabled, search)", e.violations().get(0));
    assertEquals("pageSize: must be at most 50 for me (was 51)", e.violations().get(1));
  }

  @Test
  void listWithoutAnyFilterSupportSaysNone() {
    Capabilities none = Capabilities.builder().creatableFields(LinkField.DESTINATION).build();
    RequestValidationException e =
        assertInvalidFields(List.of("label", "enabled", "search"),
            () -> RequestChecks.list("me", none,
                ListLinksRequest.builder().label("l").enabled(false).search("s").build()));
    assertTrue(e.violations().get(1).endsWith("(supported: none)"), e.violations()::toString);
  }
}
