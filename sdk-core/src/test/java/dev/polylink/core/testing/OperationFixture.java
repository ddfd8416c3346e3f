package dev.polylink.core.testing;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the fault-injection part of the contract suite needs of one operation: the request it
 * sends (the one faults are injected into), the vendor's success answer to it, any other requests
 * the operation makes (already answered, e.g. ShortPen's list after a create), and, for delete, the
 * vendor's answer once the link is gone.
 */
public final class OperationFixture {
  private final MappingBuilder request;
  private final ResponseDefinitionBuilder success;
  private final List<MappingBuilder> supporting = new ArrayList<>();
  private ResponseDefinitionBuilder gone =
      new ResponseDefinitionBuilder().withStatus(404).withHeader("Content-Type", "application/json").withBody("{}");

  private OperationFixture(MappingBuilder request, ResponseDefinitionBuilder success) {
    this.request = Objects.requireNonNull(request, "request");
    this.success = Objects.requireNonNull(success, "success");
  }

  /** The operation's request and the vendor's success answer to it. */
  public static OperationFixture of(MappingBuilder request, ResponseDefinitionBuilder success) {
    return new OperationFixture(request, success);
  }

  /** Another request the operation makes, with its answer ({@code willReturn} already called). */
  public OperationFixture supporting(MappingBuilder stub) {
    supporting.add(Objects.requireNonNull(stub, "stub"));
    return this;
  }

  /**
   * The vendor's answer to a delete of a link that no longer exists, when it is not an HTTP 404
   * (ShortPen answers 200 with {@code deleted: 0}).
   */
  public OperationFixture goneAnswer(ResponseDefinitionBuilder answer) {
    this.gone = Objects.requireNonNull(answer, "answer");
    return this;
  }

  MappingBuilder request() {
    return request;
  }

  ResponseDefinitionBuilder success() {
    return success;
  }

  List<MappingBuilder> supportingStubs() {
    return supporting;
  }

  ResponseDefinitionBuilder gone() {
    return gone;
  }
}
