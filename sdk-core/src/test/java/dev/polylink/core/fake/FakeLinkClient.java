package dev.polylink.core.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.ProviderClientBuilder;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListFilter;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.LinkReader;
import dev.polylink.core.spi.RateLimitHeaders;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.core.spi.VendorError;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A small provider for an imaginary vendor, used to exercise core and the contract suite: UUID ids,
 * {@code {"link": {...}}} envelopes, {@code {"error": {code, message, request_id}}} errors.
 */
public final class FakeLinkClient implements LinkClient {
  static final String ID = "fake";

  public static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .operations(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE)
          .creatableFields(LinkField.DESTINATION, LinkField.SLUG, LinkField.TITLE)
          .updatableFields(LinkField.DESTINATION, LinkField.TITLE, LinkField.ENABLED)
          .clearableFields(LinkField.TITLE)
          .listFilters(ListFilter.SEARCH)
          .maxPageSize(50)
          .build();

  private final HttpTransport transport;
  private final FakeApi api;

  private FakeLinkClient(HttpTransport transport) {
    this.transport = transport;
    this.api = transport.create(FakeApi.class);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String providerId() {
    return ID;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Link create(CreateLinkRequest request) {
    return transport.observe(Operation.CREATE, () -> createObserved(request));
  }

  private Link createObserved(CreateLinkRequest request) {
    RequestChecks.create(ID, CAPABILITIES, request, Options.class);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", request.destination().toString());
    request.slug().ifPresent(s -> body.put("slug", Checks.slug(ID, s)));
    request.title().ifPresent(t -> body.put("title", t));
    return toLink(Operation.CREATE, transport.executeForBody(Operation.CREATE, api.create(body)).get("link"));
  }

  @Override
  public Link get(LinkId id) {
    return transport.observe(Operation.GET, () -> getObserved(id));
  }

  private Link getObserved(LinkId id) {
    Checks.uuidId(ID, id);
    return toLink(Operation.GET, transport.executeForBody(Operation.GET, api.get(id.value())).get("link"));
  }

  @Override
  public Page<Link> list(ListLinksRequest request) {
    return transport.observe(Operation.LIST, () -> listObserved(request));
  }

  private Page<Link> listObserved(ListLinksRequest request) {
    RequestChecks.list(ID, CAPABILITIES, request);
    JsonNode body =
        transport.executeForBody(
            Operation.LIST,
            api.list(request.cursor().orElse(null), request.pageSize().isPresent() ? request.pageSize().getAsInt() : null,
                request.search().orElse(null)));
    java.util.List<Link> links = new java.util.ArrayList<>();
    body.get("links").forEach(node -> links.add(toLink(Operation.LIST, node)));
    return Page.of(links, Json.text(body, "next"), OptionalLong.empty());
  }

  @Override
  public Link update(LinkId id, LinkPatch patch) {
    return transport.observe(Operation.UPDATE, () -> updateObserved(id, patch));
  }

  private Link updateObserved(LinkId id, LinkPatch patch) {
    RequestChecks.update(ID, CAPABILITIES, patch, Options.class);
    Checks.uuidId(ID, id);
    // An ObjectNode, not a Map: the shared mapper leaves null map values out, and a cleared title
    // must be sent as an explicit null.
    com.fasterxml.jackson.databind.node.ObjectNode body = Json.mapper().createObjectNode();
    patch.destination().ifSet(d -> body.put("url", d.toString()));
    patch.enabled().ifSet(e -> body.put("enabled", e));
    if (patch.title().isSet()) {
      body.put("title", patch.title().value());
    } else if (patch.title().isCleared()) {
      body.putNull("title");
    }
    return toLink(Operation.UPDATE, transport.executeForBody(Operation.UPDATE, api.update(id.value(), body)).get("link"));
  }

  @Override
  public void delete(LinkId id) {
    transport.observe(Operation.DELETE, () -> deleteObserved(id));
  }

  private void deleteObserved(LinkId id) {
    Checks.uuidId(ID, id);
    transport.execute(Operation.DELETE, api.delete(id.value()));
  }

  /** The asynchronous view, over the same checks and mapping ({@link Async}). */
  @Override
  public dev.polylink.core.AsyncLinkClient async() {
    return dev.polylink.core.spi.AsyncClients.of(ID, CAPABILITIES, transport, new Async());
  }

  /** The fake's operations without blocking. */
  private final class Async implements dev.polylink.core.spi.AsyncClients.Operations {
    @Override
    public java.util.concurrent.CompletableFuture<Link> createAsync(CreateLinkRequest request) {
      RequestChecks.create(ID, CAPABILITIES, request, Options.class);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("url", request.destination().toString());
      request.slug().ifPresent(s -> body.put("slug", Checks.slug(ID, s)));
      request.title().ifPresent(t -> body.put("title", t));
      return transport.executeForBodyAsync(Operation.CREATE, api.create(body))
          .thenApply(answer -> toLink(Operation.CREATE, answer.get("link")));
    }

    @Override
    public java.util.concurrent.CompletableFuture<Link> getAsync(LinkId id) {
      Checks.uuidId(ID, id);
      return transport.executeForBodyAsync(Operation.GET, api.get(id.value()))
          .thenApply(answer -> toLink(Operation.GET, answer.get("link")));
    }

    @Override
    public java.util.concurrent.CompletableFuture<Page<Link>> listAsync(ListLinksRequest request) {
      RequestChecks.list(ID, CAPABILITIES, request);
      return transport.executeForBodyAsync(Operation.LIST,
              api.list(request.cursor().orElse(null), request.pageSize().isPresent() ? request.pageSize().getAsInt() : null,
                  request.search().orElse(null)))
          .thenApply(body -> {
            java.util.List<Link> links = new java.util.ArrayList<>();
            body.get("links").forEach(node -> links.add(toLink(Operation.LIST, node)));
            return Page.of(links, Json.text(body, "next"), OptionalLong.empty());
          });
    }

    @Override
    public java.util.concurrent.CompletableFuture<Link> updateAsync(LinkId id, LinkPatch patch) {
      RequestChecks.update(ID, CAPABILITIES, patch, Options.class);
      Checks.uuidId(ID, id);
      com.fasterxml.jackson.databind.node.ObjectNode body = Json.mapper().createObjectNode();
      patch.destination().ifSet(d -> body.put("url", d.toString()));
      patch.enabled().ifSet(e -> body.put("enabled", e));
      if (patch.title().isSet()) {
        body.put("title", patch.title().value());
      } else if (patch.title().isCleared()) {
        body.putNull("title");
      }
      return transport.executeForBodyAsync(Operation.UPDATE, api.update(id.value(), body))
          .thenApply(answer -> toLink(Operation.UPDATE, answer.get("link")));
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> deleteAsync(LinkId id) {
      Checks.uuidId(ID, id);
      return transport.executeAsync(Operation.DELETE, api.delete(id.value())).thenApply(ignored -> null);
    }
  }

  @Override
  public Optional<RateLimitStatus> lastRateLimit() {
    return transport.lastRateLimit();
  }

  /** {@return the builder's {@code bulkConcurrency}, as the transport holds it (for configuration tests)} */
  public int bulkConcurrency() {
    return transport.bulkConcurrency();
  }

  @Override
  public void close() {
    transport.close();
  }

  private static Link toLink(Operation operation, JsonNode node) {
    LinkReader link = LinkReader.of(ID, operation, node);
    return link.link("id", "short_url", "code")
        .destination(link.url("url"))
        .title(link.string("title"))
        .enabled(link.bool("enabled"))
        .createdAt(link.instant("created_at"))
        .build();
  }


  static VendorError decode(int status, okhttp3.Headers headers, String body) {
    return Json.tryParse(body)
        .map(root -> root.get("error"))
        .filter(JsonNode::isObject)
        .map(error -> VendorError.builder()
            .errorCode(Json.text(error, "code").orElse(null))
            .message(Json.text(error, "message").orElse(null))
            .requestId(Json.text(error, "request_id").orElse(null))
            .quotaExhausted("QUOTA".equals(Json.text(error, "code").orElse("")))
            .build())
        .orElse(VendorError.none());
  }

  /** The fake vendor's typed extras (none). */
  public static final class Options implements ProviderOptions {
    @Override
    public String providerId() {
      return ID;
    }
  }

  /** Builds a {@link FakeLinkClient}. */
  public static final class Builder extends ProviderClientBuilder<Builder, FakeLinkClient> {
    @Override
    protected String providerId() {
      return ID;
    }

    @Override
    protected String defaultBaseUrl() {
      return "https://fake.example/api";
    }

    @Override
    public FakeLinkClient build() {
      return new FakeLinkClient(
          transport()
              .errorDecoder(FakeLinkClient::decode)
              .rateLimitParser(headers -> RateLimitHeaders.read(headers, null, "X-RateLimit-"))
              .build());
    }
  }
}
