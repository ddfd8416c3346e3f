package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** {@link LinkClient#async()}'s default for a client written outside the SDK, and the bulk defaults over it. */
class AsyncLinkClientTest {
  private static OperationNotSupportedException unsupported(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    return assertInstanceOf(OperationNotSupportedException.class, e.getCause());
  }

  @Test
  void aClientWithoutAnAsynchronousImplementationFailsEveryFutureNamingTheOperation() {
    BulkTest.Recording client = new BulkTest.Recording();
    AsyncLinkClient async = client.async();
    assertEquals("rec", async.providerId());
    assertEquals(client.capabilities(), async.capabilities());
    LinkId id = LinkId.of("1");
    assertEquals(Operation.CREATE, unsupported(async.create(CreateLinkRequest.builder().destination("https://example.com").build())).operation());
    assertEquals(Operation.GET, unsupported(async.get(id)).operation());
    assertEquals(Operation.LIST, unsupported(async.list(ListLinksRequest.builder().build())).operation());
    assertEquals(Operation.UPDATE, unsupported(async.update(id, LinkPatch.builder().enabled(true).build())).operation());
    assertEquals(Operation.DELETE, unsupported(async.delete(id)).operation());
    assertEquals(Operation.QR_CODE, unsupported(async.qrCode(id)).operation());
    assertEquals(Operation.STATS, unsupported(async.stats(id)).operation());
    assertEquals(Operation.ACCOUNT_USAGE, unsupported(async.accountUsage()).operation());
    assertTrue(client.sent.isEmpty(), "nothing ran on the blocking client");
  }

  @Test
  void bulkDefaultsCheckFirstAndFailEachItemAlone() throws Exception {
    AsyncLinkClient async = new BulkTest.Recording().async();
    BulkResult<Link> result = async.createAll(List.of(
        CreateLinkRequest.builder().destination("https://example.com/a").build(),
        CreateLinkRequest.builder().destination("https://example.com/b").title("no titles here").build())).get();
    assertInstanceOf(OperationNotSupportedException.class, result.items().get(0).failure().orElseThrow());
    assertInstanceOf(UnsupportedFieldException.class, result.items().get(1).failure().orElseThrow(),
        "checked against the capabilities before anything is sent");
    BulkResult<LinkId> deleted = async.deleteAll(List.of(LinkId.of("1"), LinkId.of("2"))).get();
    assertEquals(2, deleted.items().size());
    assertInstanceOf(OperationNotSupportedException.class, deleted.items().get(1).failure().orElseThrow());
    assertInstanceOf(NullPointerException.class,
        assertThrows(ExecutionException.class, () -> async.deleteAll(null).get()).getCause());
  }
}
