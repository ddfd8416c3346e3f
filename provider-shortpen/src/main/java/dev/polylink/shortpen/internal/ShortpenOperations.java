package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.CountingJsonBody;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.RateLimitHeaders;
import dev.polylink.shortpen.LinkNotResolvedException;
import dev.polylink.shortpen.ShortpenClient;
import dev.polylink.shortpen.ShortpenOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@link ShortpenClient} does once a request has passed its checks: the HTTP exchanges with
 * ShortPen and the mapping of their answers. Thread-safe; holds no mutable state of its own.
 */
public final class ShortpenOperations {
  /** ShortPen's documented (and largest) page size. */
  public static final int MAX_PAGE_SIZE = 100;

  private final HttpTransport transport;
  private final ShortpenApi api;
  private final Long defaultDomainId;
  private final Long workspaceId;
  private final int createLookupPages;
  private final ShortpenFeatures features;

  /**
   * Operations over a transport built by {@link #transport(HttpTransport.Builder)}.
   *
   * @param defaultDomainId the domain of new links when a request names none, or null
   * @param workspaceId the workspace to create in and list, or null for ShortPen's default (the
   *     organization's first workspace)
   * @param createLookupPages the most list pages a create reads to find the new link's id
   */
  public ShortpenOperations(HttpTransport transport, Long defaultDomainId, Long workspaceId, int createLookupPages) {
    this.transport = transport;
    this.api = transport.create(ShortpenApi.class);
    this.defaultDomainId = defaultDomainId;
    this.workspaceId = workspaceId;
    this.createLookupPages = createLookupPages;
    this.features = new ShortpenFeatures(transport, workspaceId);
  }

  /** Statistics and usage: {@link ShortpenFeatures}. */
  public ShortpenFeatures features() {
    return features;
  }

  /** Adds ShortPen's error decoder and rate-limit reading to a transport and builds it. */
  public static HttpTransport transport(HttpTransport.Builder builder) {
    return builder
        .errorDecoder(new ShortpenErrorDecoder())
        // None are documented; read the common family should ShortPen start sending it.
        .rateLimitParser(headers -> RateLimitHeaders.read(headers, null, "X-RateLimit-"))
        .build();
  }

  /** {@code POST /v1/generate}, then the new link's id from {@code GET /v1/links}. */
  public Link create(CreateLinkRequest request, Optional<ShortpenOptions> options) {
    Long workspace = options.flatMap(o -> boxed(o.workspaceId())).orElse(workspaceId);
    LinkWriteBody body = RequestMapper.create(request, options, defaultDomainId, workspace);
    JsonNode data = Envelope.dataObject(transport.executeForBody(Operation.CREATE, api.generate(body)), Operation.CREATE);
    URI shortUrl = LinkMapper.shortUrl(data).orElseThrow(() -> Envelope.unreadable(
        Operation.CREATE, "the link was created but \"data\" has no \"link\" or \"short_url\"; do not create it again"));
    List<Integer> read = new ArrayList<>();
    LinkScanner.Result result;
    try {
      result = new LinkScanner(page -> {
        ListPage answer = fetch(Operation.CREATE, page, MAX_PAGE_SIZE, workspace);
        read.add(page);
        return answer;
      }).byShortUrl(shortUrl, createLookupPages);
      if (result.item().isPresent()) {
        return withGeneratedQr(LinkMapper.fromListItem(result.item().get(), Operation.CREATE), data);
      }
    } catch (PolylinkException e) {
      throw new LinkNotResolvedException(shortUrl, read.size(), "listing failed after " + read.size()
          + " page(s) read " + pageList(read) + ": " + e.getMessage(), e);
    }
    String of = result.lastPage().isPresent() ? " of " + result.lastPage().getAsInt() : "";
    throw new LinkNotResolvedException(shortUrl, result.pagesRead(), "not listed in any of the "
        + result.pagesRead() + " page(s) read" + of + inWorkspace(workspace) + " " + pageList(read)
        + "; a create reads at most " + createLookupPages
        + " page(s) of 100 links (ShortpenClient.Builder.createLookupPages)", null);
  }

  private static String pageList(List<Integer> pages) {
    if (pages.isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder("(page");
    sb.append(pages.size() == 1 ? " " : "s ");
    for (int i = 0; i < pages.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(pages.get(i));
    }
    return sb.append(')').toString();
  }

  /** Scans {@code GET /v1/links} for the id; a {@link NotFoundException} after the last page. */
  public Link get(long id) {
    LinkScanner.Result result = scanner(Operation.GET, workspaceId).byId(id);
    JsonNode item = result.item().orElseThrow(() -> new NotFoundException(
        ShortpenClient.PROVIDER_ID,
        Operation.GET,
        404,
        null,
        "no link with id " + id + " in any of the " + result.pagesRead()
            + " page(s) of GET /v1/links" + inWorkspace(workspaceId)
            + " (ShortPen has no get-one endpoint)",
        null,
        null,
        ""));
    return LinkMapper.fromListItem(item, Operation.GET);
  }

  /** One page of {@code GET /v1/links}; the cursor is the next page number. */
  public Page<Link> list(int page, int limit) {
    ListPage current = fetch(Operation.LIST, page, limit, workspaceId);
    List<Link> links = new ArrayList<>(current.items().size());
    current.items().forEach(item -> links.add(LinkMapper.fromListItem(item, Operation.LIST)));
    return Page.of(
        links,
        current.hasNext() ? Optional.of(Integer.toString(page + 1)) : Optional.empty(),
        current.total());
  }

  /** {@code PUT /v1/links}; the Link holds the answer ({@code link}, {@code qr}) and what the patch set. */
  public Link update(long id, LinkPatch patch, Optional<ShortpenOptions> options) {
    LinkWriteBody body = RequestMapper.update(id, patch, options);
    JsonNode data = Envelope.dataObject(transport.executeForBody(Operation.UPDATE, api.update(body)), Operation.UPDATE);
    boolean destinationAsSent = options.map(o -> o.param().isEmpty()).orElse(true);
    return LinkMapper.fromUpdate(id, data, patch, destinationAsSent);
  }

  /**
   * {@code DELETE /v1/links} with {@code {"url_id": id}}; a count of 0 is a {@link NotFoundException},
   * unless the request was resent after an attempt that may have been processed (its answer was
   * lost): the first attempt deleted it, so the link counts as deleted, as a 404 to a resent
   * DELETE does for the other providers ({@code HttpTransport.execute}).
   */
  public void delete(long id) {
    CountingJsonBody body = CountingJsonBody.of(DeleteBody.one(id));
    JsonNode answer = transport.executeForBody(Operation.DELETE, api.deleteMany(body));
    OptionalLong deleted = Json.wholeNumber(Envelope.dataObject(answer, Operation.DELETE), "deleted");
    if (deleted.isPresent() && deleted.getAsLong() == 0 && body.timesSent() <= 1) {
      throw new NotFoundException(
          ShortpenClient.PROVIDER_ID,
          Operation.DELETE,
          404,
          null,
          "ShortPen deleted no link with id " + id + " (data.deleted: 0)",
          null,
          null,
          "");
    }
  }

  /**
   * {@code DELETE /v1/links} with {@code {"url_id": [ids]}}: ShortPen's count of deleted links, or
   * empty when the request was resent after an attempt that may have been processed. A resent
   * request's answer counts only what its own attempt deleted (a 404 "none matched" then means
   * that every id is deleted or never existed), so the total is not known.
   */
  public OptionalInt delete(List<Long> ids) {
    CountingJsonBody body = CountingJsonBody.of(DeleteBody.many(ids));
    JsonNode answer;
    try {
      answer = transport.executeForBody(Operation.DELETE, api.deleteMany(body));
    } catch (NotFoundException e) {
      if (body.timesSent() > 1) {
        return OptionalInt.empty();
      }
      throw e;
    }
    JsonNode data = Envelope.dataObject(answer, Operation.DELETE);
    OptionalLong deleted = Json.wholeNumber(data, "deleted");
    if (deleted.isEmpty() || deleted.getAsLong() > Integer.MAX_VALUE) {
      throw Envelope.unreadable(Operation.DELETE, "\"data\" has no \"deleted\" count of at most " + Integer.MAX_VALUE);
    }
    return body.timesSent() > 1 ? OptionalInt.empty() : OptionalInt.of((int) deleted.getAsLong());
  }

  /** The rate-limit state of the last response, when ShortPen sent headers. */
  public Optional<RateLimitStatus> lastRateLimit() {
    return transport.lastRateLimit();
  }

  /** Releases the transport's own resources. */
  public void close() {
    transport.close();
  }

  /**
   * Keeps generate's {@code data.qr} (the base64 PNG ShortPen returns when {@code generate_qr} is
   * set) in the link's provider fields where the list item has no {@code qr} of its own, so that
   * {@code ShortpenClient.qrCode(Link)} can read it.
   */
  private static Link withGeneratedQr(Link link, JsonNode generated) {
    Optional<String> qr = Json.text(generated, "qr").filter(s -> dev.polylink.core.spi.QrImages.base64Png(s).isPresent());
    Object listed = link.providerFields().get("qr");
    if (qr.isEmpty() || (listed instanceof String && !((String) listed).isBlank())) {
      return link;
    }
    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(link.providerFields());
    fields.put("qr", qr.get());
    return link.toBuilder().providerFields(fields).build();
  }

  private LinkScanner scanner(Operation operation, Long workspace) {
    return new LinkScanner(page -> fetch(operation, page, MAX_PAGE_SIZE, workspace));
  }

  private ListPage fetch(Operation operation, int page, int limit, Long workspace) {
    JsonNode root = transport.executeForBody(operation, api.list(page, limit, workspace));
    return ListPage.read(root, page, limit, operation);
  }

  private static String inWorkspace(Long workspace) {
    return workspace == null ? " of the default workspace" : " of workspace " + workspace;
  }

  private static Optional<Long> boxed(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }
}
