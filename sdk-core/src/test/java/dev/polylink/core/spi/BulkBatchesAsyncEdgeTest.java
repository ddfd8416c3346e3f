package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.LinkField;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BulkBatchesAsyncEdgeTest {
  private static final Capabilities NO_BULK = Capabilities.builder().operations(Operation.CREATE)
      .creatableFields(LinkField.DESTINATION).build();

  @Test
  void aRequestTheProviderCancelsMayHaveBeenProcessed() {
    CompletableFuture<String> cancelled = new CompletableFuture<>();
    cancelled.cancel(true);
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, NO_BULK)
        .prepare(i -> i)
        .singleAsync(i -> i == 0 ? cancelled : CompletableFuture.completedFuture("s" + i))
        .runAsync(List.of(0, 1)).join();
    TransportException e = assertInstanceOf(TransportException.class, result.items().get(0).failure().orElseThrow());
    assertTrue(e.requestMayHaveBeenProcessed());
    assertTrue(e.getMessage().contains("the request was cancelled"), e.getMessage());
    assertEquals(List.of("s1"), result.values());
  }

  @Test
  void aMisusedPlanFailsTheFutureInsteadOfThrowing() {
    BulkBatches.Plan<Integer, Integer, String> plan = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, NO_BULK)
        .singleAsync(i -> CompletableFuture.completedFuture("s" + i));
    CompletableFuture<BulkResult<String>> noPrepare = plan.runAsync(List.of(1));
    assertInstanceOf(IllegalStateException.class, assertThrows(CompletionException.class, noPrepare::join).getCause());
    CompletableFuture<BulkResult<String>> noItems = plan.prepare(i -> i).runAsync(null);
    assertInstanceOf(NullPointerException.class, assertThrows(CompletionException.class, noItems::join).getCause());
  }
}
