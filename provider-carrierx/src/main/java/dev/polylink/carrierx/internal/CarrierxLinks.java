package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.carrierx.CarrierxOptions;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.RequestChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import retrofit2.Call;

/**
 * The CarrierX link operations behind {@link CarrierxClient}: validation, request bodies, expiry
 * arithmetic and mapping. Internal: not part of the public API.
 */
public final class CarrierxLinks {
  private static final String ID = CarrierxClient.PROVIDER_ID;

  private final HttpTransport transport;
  private final CarrierxApi api;
  private final String defaultDomainSid;

  /**
   * The operations of one client.
   *
   * @param transport the client's transport; the Retrofit service is created from it once, here
   * @param defaultDomainSid the {@code domain_sid} for creates that name none, or null
   */
  public CarrierxLinks(HttpTransport transport, String defaultDomainSid) {
    this.transport = transport;
    this.api = transport.create(CarrierxApi.class);
    this.defaultDomainSid = defaultDomainSid;
  }

  /** The decoder of CarrierX error answers, for the transport. */
  public static ErrorDecoder errorDecoder() {
    return CarrierxErrorDecoder.INSTANCE;
  }

  /** See {@link CarrierxClient#create}. */
  public Link create(CreateLinkRequest request) {
    Optional<CarrierxOptions> options =
        RequestChecks.create(ID, CarrierxClient.CAPABILITIES, request, CarrierxOptions.class);
    boolean proxyPass = options.map(CarrierxOptions::proxyPass).orElse(false);
    List<String> violations = new ArrayList<>();
    String domainSid = request.domain().orElse(defaultDomainSid);
    if (domainSid == null) {
      violations.add("domain: is required by CarrierX (set CreateLinkRequest.domain(domainSid)"
          + " or the client builder's defaultDomainSid)");
    }
    request.slug().flatMap(LinkRules::slugViolation).ifPresent(violations::add);
    LinkRules.modeViolation(request.redirectType().isPresent(), proxyPass).ifPresent(violations::add);
    Long maximumTtl = null;
    if (request.expiresAt().isPresent()) {
      Instant expiresAt = request.expiresAt().get();
      Instant now = transport.clock().instant();
      Optional<String> violation = Lifetime.violation(now, expiresAt, true, "now (" + now + ")");
      if (violation.isPresent()) {
        violations.add("expiresAt: " + violation.get() + " (was " + expiresAt + ")");
      } else {
        maximumTtl = Lifetime.secondsRoundedUp(now, expiresAt);
      }
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(ID, violations);
    }
    String mode =
        proxyPass
            ? Mode.PROXY_PASS.wire()
            : request.redirectType().map(Mode::of).map(Mode::wire).orElse(null);
    CreateLinkBody body =
        new CreateLinkBody(
            request.destination().toString(), domainSid, request.slug().orElse(null), mode, maximumTtl);
    Boolean reuse = options.map(CarrierxOptions::reuse).orElse(false) ? Boolean.TRUE : null;
    return LinkMapper.toLink(send(Operation.CREATE, api.create(reuse, body), proxyPass), Operation.CREATE);
  }

  /** See {@link CarrierxClient#get}. */
  public Link get(LinkId id) {
    String linkSid = Checks.uuidId(ID, id).toString();
    return LinkMapper.toLink(transport.executeForBody(Operation.GET, api.get(linkSid)), Operation.GET);
  }

  /** See {@link CarrierxClient#list(String, ListLinksRequest)}; {@code filter} may be null. */
  public Page<Link> list(String filter, ListLinksRequest request) {
    RequestChecks.list(ID, CarrierxClient.CAPABILITIES, request);
    Long offset = request.cursor().map(ListPages::offset).orElse(null);
    Integer limit = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    JsonNode body = transport.executeForBody(Operation.LIST, api.list(limit, offset, filter));
    return ListPages.toPage(body, offset == null ? 0 : offset);
  }

  /** See {@link CarrierxClient#update}. */
  public Link update(LinkId id, LinkPatch patch) {
    PatchPlan plan = PatchPlan.of(id, patch, transport.clock().instant());
    Long maximumTtl = plan.clearExpiry ? Lifetime.NEVER : null;
    if (plan.expiresAt != null) {
      JsonNode current = transport.executeForBody(Operation.UPDATE, api.get(plan.linkSid));
      maximumTtl = ttlSinceCreation(current, plan.expiresAt);
    }
    PatchLinkBody body = new PatchLinkBody(plan.destinationUrl, plan.shortName, plan.mode, maximumTtl);
    return LinkMapper.toLink(
        send(Operation.UPDATE, api.update(plan.linkSid, body), plan.proxyPass), Operation.UPDATE);
  }

  /** See {@link CarrierxClient#replace}. */
  public Link replace(LinkId id, LinkPatch patch) {
    PatchPlan plan = PatchPlan.of(id, patch, transport.clock().instant());
    JsonNode current = transport.executeForBody(Operation.UPDATE, api.get(plan.linkSid));
    if (!current.isObject()) {
      throw LinkMapper.unreadable(Operation.UPDATE, "the response is not a CarrierX link object");
    }
    ObjectNode whole = ((ObjectNode) current).deepCopy();
    if (plan.destinationUrl != null) {
      whole.put("destination_url", plan.destinationUrl);
    }
    if (plan.shortName != null) {
      whole.put("short_name", plan.shortName);
    }
    if (plan.mode != null) {
      whole.put("mode", plan.mode);
    }
    if (plan.clearExpiry) {
      whole.put("maximum_ttl", Lifetime.NEVER);
    } else if (plan.expiresAt != null) {
      whole.put("maximum_ttl", ttlSinceCreation(current, plan.expiresAt));
    }
    return LinkMapper.toLink(
        send(Operation.UPDATE, api.replace(plan.linkSid, whole), plan.proxyPass), Operation.UPDATE);
  }

  /** See {@link CarrierxClient#delete}. */
  public void delete(LinkId id) {
    String linkSid = Checks.uuidId(ID, id).toString();
    transport.execute(Operation.DELETE, api.delete(linkSid));
  }

  /**
   * The {@code maximum_ttl} that makes the link expire at {@code expiresAt}, rounded up. {@link
   * PatchPlan} has already checked that {@code expiresAt} lies after the client's now; should
   * CarrierX's clock run ahead, so that the link's {@code date_created} is later still, the
   * lifetime is 0: the link expires as soon as it can, and never before the instant asked for.
   *
   * @throws RequestValidationException when the lifetime counted from the link's {@code
   *     date_created} exceeds {@link Lifetime#MAX_SECONDS}, the one expiry rule that needs the
   *     stored link (checked after the GET, before the PATCH or PUT)
   */
  private static long ttlSinceCreation(JsonNode current, Instant expiresAt) {
    Instant createdAt =
        LinkMapper.createdAt(current)
            .orElseThrow(() -> LinkMapper.unreadable(Operation.UPDATE,
                "the link has no readable date_created, so expiresAt cannot be turned into maximum_ttl"));
    if (!expiresAt.isAfter(createdAt)) {
      return 0;
    }
    Optional<String> violation =
        Lifetime.violation(createdAt, expiresAt, false, "the link's date_created (" + createdAt + ")");
    if (violation.isPresent()) {
      throw new RequestValidationException(ID, "expiresAt: " + violation.get() + " (was " + expiresAt + ")");
    }
    return Lifetime.secondsRoundedUp(createdAt, expiresAt);
  }

  /** Runs a call that answers with a link; a 403 to a proxy-pass request names the scope it needs. */
  private JsonNode send(Operation operation, Call<JsonNode> call, boolean proxyPass) {
    try {
      return transport.executeForBody(operation, call);
    } catch (PermissionDeniedException e) {
      throw proxyPass ? ProxyPassScope.explain(e) : e;
    }
  }
}
