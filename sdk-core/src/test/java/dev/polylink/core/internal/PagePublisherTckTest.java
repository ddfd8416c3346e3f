package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * {@link PagePublisher} against the Reactive Streams TCK for {@link Flow}
 * ({@code reactive-streams-tck-flow}), run from JUnit: every rule the TCK verifies ({@code
 * required_}, {@code optional_} and {@code stochastic_} methods), each a test of its own, with the
 * TCK's set-up before each. The TCK's {@code untested_} methods verify nothing (they only report
 * "not verified") and are not run; a verifying rule that skips fails here. The pages are made of
 * numbers, four to a page, so that every stream longer than four crosses pages; they are answered
 * once by futures already complete and once by futures completed on another thread, as a client's
 * are.
 */
class PagePublisherTckTest {
  private static final int PAGE = 4;
  private static final ExecutorService OTHER_THREAD = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tck-pages");
    t.setDaemon(true);
    return t;
  });

  @AfterAll
  static void stop() {
    OTHER_THREAD.shutdownNow();
  }

  /** A page of the numbers 0 to {@code elements - 1} at the request's offset cursor. */
  private static Page<Long> page(ListLinksRequest request, long elements) {
    long offset = request.cursor().map(Long::parseLong).orElse(0L);
    long end = Math.min(elements, offset + PAGE);
    List<Long> items = new ArrayList<>();
    for (long i = offset; i < end; i++) {
      items.add(i);
    }
    return Page.of(items, end < elements ? Optional.of(Long.toString(end)) : Optional.empty(), OptionalLong.empty());
  }

  static final class Verification extends FlowPublisherVerification<Long> {
    private final boolean otherThread;

    Verification(boolean otherThread) {
      super(new TestEnvironment(500, 100));
      this.otherThread = otherThread;
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
      return new PagePublisher<>("tck", ListLinksRequest.defaults(), request -> otherThread
          ? CompletableFuture.supplyAsync(() -> page(request, elements), OTHER_THREAD)
          : CompletableFuture.completedFuture(page(request, elements)));
    }

    /** A null first request: each subscription fails at once, after {@code onSubscribe}. */
    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
      return new PagePublisher<Long>("tck", null, request -> CompletableFuture.completedFuture(page(request, 1)));
    }
  }

  @TestFactory
  Stream<DynamicTest> completedPages() {
    return rules(false);
  }

  @TestFactory
  Stream<DynamicTest> pagesCompletedOnAnotherThread() {
    return rules(true);
  }

  private static Stream<DynamicTest> rules(boolean otherThread) {
    List<Method> rules = Arrays.stream(FlowPublisherVerification.class.getMethods())
        .filter(m -> m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers()))
        .filter(m -> m.getName().startsWith("required_") || m.getName().startsWith("optional_")
            || m.getName().startsWith("stochastic_"))
        .sorted(Comparator.comparing(Method::getName))
        .toList();
    assertEquals(31, rules.size(), "the TCK 1.0.4's verifying rules: " + rules);
    return rules.stream().map(rule -> dynamicTest(rule.getName(), () -> {
      Verification verification = new Verification(otherThread);
      verification.setUp();
      try {
        rule.invoke(verification);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
