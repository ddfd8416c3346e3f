package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.RedirectType;
import dev.polylink.core.TransportException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code get}: a scan of {@code GET /v1/links}, page by page, stopping at the page that holds the id. */
class ShortpenGetTest extends ShortpenWireMockTest {

  @Test
  void getReadsPagesUntilTheIdAppearsAndNoFurther() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 300, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 300, ShortpenFixtures.items(101, 100)))));
    wm.stubFor(listPage(3).willReturn(json(200, ShortpenFixtures.page(3, 300, ShortpenFixtures.items(201, 100)))));

    Link link = client.get(LinkId.of(150));

    assertEquals(LinkId.of(150), link.id());
    assertEquals("c150", link.shortCode());
    assertEquals(Optional.of(RedirectType.TEMPORARY), link.redirectType());
    assertEquals(Optional.of(false), link.passwordProtected());
    wm.verify(1, listPageRequested(1));
    wm.verify(1, listPageRequested(2));
    wm.verify(0, listPageRequested(3));
  }

  @Test
  void getOfAMissingIdIsNotFoundAfterTheLastPage() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 130, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 130, ShortpenFixtures.items(101, 30)))));
    wm.stubFor(listPage(3).willReturn(json(200, ShortpenFixtures.page(3, 130))));

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.get(LinkId.of(999)));

    assertEquals(404, e.statusCode());
    assertEquals(Operation.GET, e.operation());
    assertEquals("shortpen", e.providerId());
    assertEquals(Optional.empty(), e.errorCode());
    assertEquals("", e.responseBody());
    assertTrue(e.getMessage().startsWith("shortpen get failed: HTTP 404: no link with id 999 in any of the 2 page(s)"),
        e.getMessage());
    assertEquals(2, wm.getAllServeEvents().size());
    wm.verify(0, listPageRequested(3));
  }

  @Test
  void getOfAnEmptyAccountIsNotFoundAfterOneRequest() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 0))));
    assertThrows(NotFoundException.class, () -> client.get(LinkId.of(1)));
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void getScansTheClientsWorkspace() {
    client.close();
    client = client(b -> b.workspaceId(7));
    wm.stubFor(listPage(1).withQueryParam("workspace_id", equalTo("7"))
        .willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    assertEquals(LinkId.of(501), client.get(LinkId.of(501)).id());
    NotFoundException missing = assertThrows(NotFoundException.class, () -> client.get(LinkId.of(502)));
    assertTrue(missing.getMessage().contains("of GET /v1/links of workspace 7 (ShortPen has no get-one endpoint)"),
        missing.getMessage());
  }

  @Test
  void aMissingLinkIsLookedForInTheDefaultWorkspace() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    NotFoundException missing = assertThrows(NotFoundException.class, () -> client.get(LinkId.of(502)));
    assertTrue(missing.getMessage().contains("of GET /v1/links of the default workspace"), missing.getMessage());
  }

  @Test
  void aServerThatIgnoresThePageNumberStopsTheScan() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, -1, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(1, -1, ShortpenFixtures.items(1, 100)))));
    TransportException e = assertThrows(TransportException.class, () -> client.get(LinkId.of(5000)));
    assertTrue(e.getMessage().contains("asked for page 2 but received page 1"), e.getMessage());
    assertEquals(2, wm.getAllServeEvents().size());
  }
}
