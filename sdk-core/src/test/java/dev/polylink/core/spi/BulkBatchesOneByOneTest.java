package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.LinkClientListener;
import dev.polylink.core.Operation;
import dev.polylink.core.RequestValidationException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link BulkBatches#oneByOne}, the plan of an operation without a bulk endpoint: every item
 * checked before the first request, one request per valid item (blocking and not), each an
 * operation of the client's listeners, results in input order.
 */
class BulkBatchesOneByOneTest {
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<Operation> operations = new CopyOnWriteArrayList<>();

  private HttpTransport transport() {
    return HttpTransport.builder("p").baseUrl("http://127.0.0.1:9/").authorization("Bearer k").bulkConcurrency(1)
        .listeners(List.of(new LinkClientListener() {
          @Override
          public void operationStarted(OperationStarted e) {
            operations.add(e.operation());
          }
        })).build();
  }

  private String check(String item) {
    log.add("check " + item);
    if (item.startsWith("bad")) {
      throw new RequestValidationException("p", "item: must not be bad (was \"" + item + "\")");
    }
    return item.toUpperCase(java.util.Locale.ROOT);
  }

  private BulkBatches.Plan<String, String, Integer> plan(HttpTransport transport) {
    return BulkBatches.oneByOne(transport, "p", Operation.CREATE, Capabilities.builder().operations(Operation.CREATE)
            .creatableFields(dev.polylink.core.LinkField.DESTINATION).build(),
        this::check,
        p -> {
          log.add("send " + p);
          return p.length();
        },
        p -> {
          log.add("start " + p);
          return CompletableFuture.completedFuture(p.length());
        });
  }

  private void assertResult(BulkResult<Integer> result) {
    assertEquals(3, result.items().size());
    assertEquals(2, result.succeededCount());
    assertEquals(1, result.items().get(0).value().orElseThrow());
    assertInstanceOf(RequestValidationException.class, result.items().get(1).failure().orElseThrow());
    assertEquals(3, result.items().get(2).value().orElseThrow());
  }

  @Test
  void blockingChecksEveryItemFirstThenSendsEachValidOneAlone() {
    try (HttpTransport transport = transport()) {
      assertResult(plan(transport).run(List.of("a", "bad", "ccc")));
    }
    assertEquals(List.of("check a", "check bad", "check ccc", "send A", "send CCC"), log);
    assertEquals(List.of(Operation.CREATE, Operation.CREATE), operations, "one listener operation per request");
  }

  @Test
  void asynchronousChecksEveryItemFirstThenStartsEachValidOneAlone() throws Exception {
    try (HttpTransport transport = transport()) {
      assertResult(plan(transport).runAsync(List.of("a", "bad", "ccc")).get(10, TimeUnit.SECONDS));
    }
    assertEquals(List.of("check a", "check bad", "check ccc", "start A", "start CCC"), log);
    assertEquals(List.of(Operation.CREATE, Operation.CREATE), operations, "one listener operation per request");
    assertTrue(log.stream().noneMatch(l -> l.startsWith("send")), "nothing blocking ran");
  }
}
