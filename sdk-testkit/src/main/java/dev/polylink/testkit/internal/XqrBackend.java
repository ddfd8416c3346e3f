package dev.polylink.testkit.internal;

import dev.polylink.testkit.MutableClock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The xQR API ({@code https://xqr.co/api/v1}): links under {@code /api/v1/links}, the {@code
 * data}/{@code meta} envelope, {@code {"error":{code,message,status},"meta":{request_id}}} errors,
 * a per-key burst limit and a monthly quota. See {@code XqrEmulator} for the documented-vs-chosen
 * behaviour.
 */
public final class XqrBackend extends VendorBackend {
  /** The monthly quota until {@link #monthlyQuota(long)} changes it: the Enterprise plan's 100,000 calls. */
  public static final long DEFAULT_MONTHLY_QUOTA = 100_000;

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9-]{3,64}");
  private static final Set<String> UPDATABLE = Set.of("url", "labels", "enabled", "routing_rules");
  private static final int MAX_LABELS = 10;
  /** xQR's bulk-create limit, links a request. */
  static final int MAX_BULK_CREATE = 100;
  /** xQR's bulk-status limit, ids a request. */
  static final int MAX_BULK_STATUS = 200;

  private final String apiKey = "xqr_pk_" + Codes.random(Codes.HEX, 8) + "." + Codes.random(Codes.URL_SAFE, 64);
  private final Map<UUID, XqrLink> links = new LinkedHashMap<>();
  private long sequence;
  private long monthlyQuota = DEFAULT_MONTHLY_QUOTA;
  private YearMonth quotaMonth;
  private long quotaUsed;
  private final XqrFeatures features = new XqrFeatures();

  /** A backend with no links, stamping times with {@code clock}, serving short links under {@code serverRoot}. */
  public XqrBackend(MutableClock clock, String serverRoot) {
    super(clock, serverRoot);
  }

  @Override
  public String providerId() {
    return "xqr";
  }

  @Override
  public String apiKey() {
    return apiKey;
  }

  @Override
  protected String basePath() {
    return "/api";
  }

  @Override
  protected List<String> apiPrefix() {
    return List.of("api", "v1");
  }

  /** Sets the workspace's monthly quota (calls per calendar month, UTC); 0 makes every call fail. */
  public synchronized void monthlyQuota(long calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative (was " + calls + ")");
    }
    monthlyQuota = calls;
  }

  @Override
  protected void clearState() {
    links.clear();
    sequence = 0;
    monthlyQuota = DEFAULT_MONTHLY_QUOTA;
    quotaMonth = null;
    quotaUsed = 0;
    features.clear();
  }

  /** Switches one of the plan's feature flags (see {@link XqrFeatures}). */
  public synchronized void planFeature(String name, boolean enabled) {
    features.feature(name, enabled);
  }

  /** Sets the plan's name that the usage endpoint reports. */
  public synchronized void plan(String name) {
    features.plan(name);
  }

  Optional<XqrLink> link(String id) {
    return Values.uuid(id).map(links::get);
  }

  String shortUrlOf(XqrLink link) {
    return shortUrl(link.code);
  }

  Instant now() {
    return clock.instant();
  }

  int linkCount() {
    return links.size();
  }

  long quotaUsed() {
    return quotaUsed;
  }

  long quota() {
    return monthlyQuota;
  }

  /** {@code meta.rate_limit} as the analytics pages show it: {@code {remaining, reset_at}}. */
  Map<String, Object> analyticsRateLimit() {
    Map<String, Object> rateLimit = new LinkedHashMap<>();
    rateLimit.put("remaining", Math.max(0, monthlyQuota - quotaUsed));
    rateLimit.put("reset_at", Times.seconds(Instant.ofEpochSecond(quotaResetEpochSecond())));
    return rateLimit;
  }

  @Override
  protected List<Map<String, Object>> renderLinks() {
    return links.values().stream().map(this::render).collect(Collectors.toList());
  }

  @Override
  protected EmulatorResponse api(EmulatorRequest request, List<String> path) {
    rollQuotaMonth();
    String auth = request.header("Authorization");
    if (auth == null || !auth.equals("Bearer " + apiKey)) {
      String message = auth == null ? "Missing API key." : "Invalid API key.";
      return withQuotaHeaders(error(401, "INVALID_API_KEY", message));
    }
    if (quotaUsed >= monthlyQuota) {
      return withQuotaHeaders(error(429, "RATE_LIMIT_EXCEEDED",
          "Monthly API quota of " + monthlyQuota + " calls exceeded. It resets at the next billing cycle."));
    }
    WindowLimiter.Decision decision = burst.acquire();
    if (!decision.allowed()) {
      EmulatorResponse response = error(429, "BURST_LIMIT_EXCEEDED",
          "Too many requests. Retry after " + decision.retryAfterSeconds() + " seconds.");
      response.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
      return withBurstHeaders(withQuotaHeaders(response), decision);
    }
    quotaUsed++;
    return withBurstHeaders(withQuotaHeaders(route(request, path)), decision);
  }

  private EmulatorResponse route(EmulatorRequest request, List<String> path) {
    Optional<EmulatorResponse> feature = features.route(this, request, path);
    if (feature.isPresent()) {
      return feature.get();
    }
    String method = request.method();
    if (path.equals(List.of("links", "bulk"))) {
      return method.equals("POST") ? bulkCreate(request) : methodNotAllowed("POST");
    }
    if (path.equals(List.of("links", "bulk", "status"))) {
      return method.equals("PATCH") ? bulkStatus(request) : methodNotAllowed("PATCH");
    }
    if (path.isEmpty() || !path.get(0).equals("links") || path.size() > 2) {
      return error(404, "NOT_FOUND", "No such endpoint.");
    }
    if (path.size() == 1) {
      switch (method) {
        case "POST":
          return create(request);
        case "GET":
        case "HEAD":
          return list(request);
        default:
          return methodNotAllowed("GET, POST");
      }
    }
    Optional<XqrLink> link = Values.uuid(path.get(1)).map(links::get);
    if (!List.of("GET", "HEAD", "PATCH", "DELETE").contains(method)) {
      return methodNotAllowed("GET, PATCH, DELETE");
    }
    if (link.isEmpty()) {
      return error(404, "NOT_FOUND", "Link not found.");
    }
    switch (method) {
      case "PATCH":
        return update(request, link.get());
      case "DELETE":
        links.remove(link.get().id);
        features.clicks.forget(link.get().id.toString()); // xQR deletes a link's analytics with it
        return EmulatorResponse.empty(204);
      default:
        return ok(200, render(link.get()));
    }
  }

  private EmulatorResponse create(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "The request body must be a JSON object.");
    }
    Object outcome = createLink(parsed.get());
    if (outcome instanceof ItemError) {
      ItemError e = (ItemError) outcome;
      return error(e.status, e.code, e.message);
    }
    return ok(201, render((XqrLink) outcome));
  }

  /** Why one link could not be created: the status, code and message a single create answers. */
  private static final class ItemError {
    final int status;
    final String code;
    final String message;

    ItemError(int status, String code, String message) {
      this.status = status;
      this.code = code;
      this.message = message;
    }
  }

  /** Creates one link from a create body: the new {@link XqrLink}, or an {@link ItemError}. */
  private Object createLink(Map<String, Object> body) {
    List<String> problems = new ArrayList<>();
    Object url = body.get("url");
    if (url == null) {
      problems.add("url: is required");
    } else if (!(url instanceof String) || !Values.isHttpUrl((String) url)) {
      problems.add("url: must be a valid HTTP or HTTPS URL");
    }
    Object slug = body.get("custom_slug");
    if (slug != null && !(slug instanceof String && SLUG.matcher((String) slug).matches())) {
      problems.add("custom_slug: must be 3 to 64 letters, digits or hyphens");
    }
    checkLabels(body, problems);
    checkRoutingRules(body, problems);
    Object expires = body.get("expires_at");
    Optional<Instant> expiresAt = Values.isoInstant(expires);
    if (expires != null && expiresAt.isEmpty()) {
      problems.add("expires_at: must be an ISO 8601 date-time such as 2026-09-30T23:59:59Z");
    }
    if (!problems.isEmpty()) {
      return new ItemError(400, "VALIDATION_ERROR", String.join("; ", problems));
    }
    Optional<String> missing = features.missingFeature(body);
    if (missing.isPresent()) {
      return new ItemError(403, "FEATURE_NOT_AVAILABLE", "Your plan does not include " + missing.get() + ".");
    }
    String code;
    if (slug != null) {
      code = (String) slug;
      if (codeTaken(code)) {
        return new ItemError(409, "SLUG_TAKEN", "The slug '" + code + "' is already in use.");
      }
    } else {
      code = Codes.uniqueCode(7, this::codeTaken);
    }
    XqrLink link = new XqrLink(Codes.uuid(), code, ++sequence, clock.instant());
    link.destination = (String) url;
    applyLabelsAndRules(link, body);
    // Kept to the whole second, as xQR shows every timestamp: the link expires at the instant it shows.
    link.expiresAt = expiresAt.map(t -> t.truncatedTo(ChronoUnit.SECONDS)).orElse(null);
    links.put(link.id, link);
    return link;
  }

  /**
   * {@code POST /v1/links/bulk}: {@code {"links": [...]}}, 1 to {@value #MAX_BULK_CREATE} items, or
   * 400. Not transactional: each item is created as a single create would be, in order (so a slug
   * used twice in one request is taken by the first), and each one that fails is an {@code errors}
   * item {@code {"index", "custom_slug"?, "code", "message", "status"}} (xQR shows no shape; the
   * emulator gives every member a lenient client could look for). Answer 201.
   */
  @SuppressWarnings("unchecked")
  private EmulatorResponse bulkCreate(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "The request body must be a JSON object.");
    }
    Object items = parsed.get().get("links");
    if (!(items instanceof List)) {
      return error(400, "VALIDATION_ERROR", "links: must be an array of 1 to " + MAX_BULK_CREATE + " links");
    }
    List<Object> list = (List<Object>) items;
    if (list.isEmpty() || list.size() > MAX_BULK_CREATE) {
      return error(400, "VALIDATION_ERROR",
          "links: must be an array of 1 to " + MAX_BULK_CREATE + " links (was " + list.size() + ")");
    }
    List<Map<String, Object>> created = new ArrayList<>();
    List<Map<String, Object>> errors = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      Object outcome = item instanceof Map
          ? createLink((Map<String, Object>) item)
          : new ItemError(400, "VALIDATION_ERROR", "links[" + i + "]: must be an object");
      if (outcome instanceof XqrLink) {
        created.add(render((XqrLink) outcome));
      } else {
        ItemError e = (ItemError) outcome;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("index", i);
        if (item instanceof Map && ((Map<String, Object>) item).get("custom_slug") instanceof String) {
          error.put("custom_slug", ((Map<String, Object>) item).get("custom_slug"));
        }
        error.put("code", e.code);
        error.put("message", e.message);
        error.put("status", e.status);
        errors.add(error);
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("created", created);
    data.put("errors", errors);
    return envelope(201, data);
  }

  /**
   * {@code PATCH /v1/links/bulk/status}: {@code {"ids": [...], "enabled": bool}}, 1 to {@value
   * #MAX_BULK_STATUS} ids, or 400 (also for an id that is not a UUID). Ids that match no link of the
   * workspace are skipped; {@code updated} counts the links that matched, each once. Answer 200.
   */
  @SuppressWarnings("unchecked")
  private EmulatorResponse bulkStatus(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "The request body must be a JSON object.");
    }
    Object ids = parsed.get().get("ids");
    Object enabled = parsed.get().get("enabled");
    List<String> problems = new ArrayList<>();
    if (!Values.isStringList(ids)) {
      problems.add("ids: must be an array of 1 to " + MAX_BULK_STATUS + " link ids");
    } else {
      List<String> list = (List<String>) ids;
      if (list.isEmpty() || list.size() > MAX_BULK_STATUS) {
        problems.add("ids: must be an array of 1 to " + MAX_BULK_STATUS + " link ids (was " + list.size() + ")");
      }
      for (int i = 0; i < list.size(); i++) {
        if (Values.uuid(list.get(i)).isEmpty()) {
          problems.add("ids[" + i + "]: must be a UUID");
        }
      }
    }
    if (!(enabled instanceof Boolean)) {
      problems.add("enabled: must be a boolean");
    }
    if (!problems.isEmpty()) {
      return error(400, "VALIDATION_ERROR", String.join("; ", problems));
    }
    java.util.Set<UUID> matched = new java.util.LinkedHashSet<>();
    for (String id : (List<String>) ids) {
      UUID uuid = Values.uuid(id).get();
      XqrLink link = links.get(uuid);
      if (link != null && matched.add(uuid)) {
        link.enabled = (Boolean) enabled;
        link.updatedAt = clock.instant();
      }
    }
    return envelope(200, Map.of("updated", matched.size()));
  }

  private EmulatorResponse list(EmulatorRequest request) {
    List<String> problems = new ArrayList<>();
    long limit = queryNumber(request, "limit", 50, 1, 200, problems);
    long offset = queryNumber(request, "offset", 0, 0, Integer.MAX_VALUE, problems);
    Optional<String> enabled = request.query("enabled");
    if (enabled.isPresent() && !List.of("true", "false").contains(enabled.get())) {
      problems.add("enabled: must be true or false");
    }
    if (!problems.isEmpty()) {
      return error(400, "VALIDATION_ERROR", String.join("; ", problems));
    }
    Optional<String> label = request.query("label");
    List<XqrLink> matching = links.values().stream()
        .filter(l -> label.isEmpty() || l.labels.contains(label.get()))
        .filter(l -> enabled.isEmpty() || l.enabled == Boolean.parseBoolean(enabled.get()))
        .sorted(Comparator.comparing((XqrLink l) -> l.createdAt).thenComparingLong(l -> l.sequence).reversed())
        .collect(Collectors.toList());
    List<Map<String, Object>> page = matching.stream()
        .skip(offset).limit(limit).map(this::render).collect(Collectors.toList());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("request_id", Codes.requestId());
    meta.put("total", matching.size());
    meta.put("limit", limit);
    meta.put("offset", offset);
    meta.put("rate_limit", rateLimitMeta());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", page);
    body.put("meta", meta);
    return EmulatorResponse.json(200, body);
  }

  private EmulatorResponse update(EmulatorRequest request, XqrLink link) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "The request body must be a JSON object.");
    }
    Map<String, Object> body = parsed.get();
    List<String> problems = new ArrayList<>();
    for (String field : body.keySet()) {
      if (!UPDATABLE.contains(field)) {
        problems.add(field + ": cannot be updated (updatable: url, labels, enabled, routing_rules)");
      }
    }
    if (body.containsKey("url") && !(body.get("url") instanceof String && Values.isHttpUrl((String) body.get("url")))) {
      problems.add("url: must be a valid HTTP or HTTPS URL");
    }
    if (body.containsKey("enabled") && !(body.get("enabled") instanceof Boolean)) {
      problems.add("enabled: must be a boolean");
    }
    if (body.containsKey("labels") && body.get("labels") == null) {
      problems.add("labels: must be an array of strings");
    }
    if (body.containsKey("routing_rules") && body.get("routing_rules") == null) {
      problems.add("routing_rules: must be an array of rules");
    }
    checkLabels(body, problems);
    checkRoutingRules(body, problems);
    if (!problems.isEmpty()) {
      return error(400, "VALIDATION_ERROR", String.join("; ", problems));
    }
    Optional<String> missing = features.missingFeature(body);
    if (missing.isPresent()) {
      return error(403, "FEATURE_NOT_AVAILABLE", "Your plan does not include " + missing.get() + ".");
    }
    if (body.containsKey("url")) {
      link.destination = (String) body.get("url");
    }
    if (body.containsKey("enabled")) {
      link.enabled = (Boolean) body.get("enabled");
    }
    applyLabelsAndRules(link, body);
    if (!body.isEmpty()) {
      link.updatedAt = clock.instant();
    }
    return ok(200, render(link));
  }

  @Override
  protected EmulatorResponse shortLink(String code) {
    Optional<XqrLink> found = links.values().stream().filter(l -> l.code.equals(code)).findFirst();
    if (found.isEmpty()) {
      return notFoundPage();
    }
    XqrLink link = found.get();
    Instant now = clock.instant();
    if (!link.enabled) {
      return gonePage("This link has been disabled.");
    }
    if (link.expired(now)) {
      return gonePage("This link has expired.");
    }
    link.scanCount++;
    link.lastScanAt = now;
    features.clicks.record(link.id.toString(), now, currentRequest());
    return EmulatorResponse.redirect(302, link.destination);
  }

  private Map<String, Object> render(XqrLink link) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", link.id.toString());
    out.put("short_url", shortUrl(link.code));
    out.put("short_code", link.code);
    out.put("destination", link.destination);
    out.put("enabled", link.enabled);
    out.put("labels", new ArrayList<>(link.labels));
    out.put("routing_rules", Json.copy(link.routingRules));
    out.put("scan_count", link.scanCount);
    out.put("last_scan_at", Times.seconds(link.lastScanAt));
    out.put("expires_at", Times.seconds(link.expiresAt));
    out.put("created_at", Times.seconds(link.createdAt));
    out.put("updated_at", Times.seconds(link.updatedAt));
    return out;
  }

  private static void checkLabels(Map<String, Object> body, List<String> problems) {
    Object labels = body.get("labels");
    if (labels == null) {
      return;
    }
    if (!Values.isStringList(labels)) {
      problems.add("labels: must be an array of strings");
    } else if (((List<?>) labels).size() > MAX_LABELS) {
      problems.add("labels: at most " + MAX_LABELS + " labels (was " + ((List<?>) labels).size() + ")");
    }
  }

  private static void checkRoutingRules(Map<String, Object> body, List<String> problems) {
    Object rules = body.get("routing_rules");
    if (rules == null) {
      return;
    }
    if (!(rules instanceof List)) {
      problems.add("routing_rules: must be an array of rules");
      return;
    }
    List<?> list = (List<?>) rules;
    for (int i = 0; i < list.size(); i++) {
      Object rule = list.get(i);
      if (!(rule instanceof Map)) {
        problems.add("routing_rules[" + i + "]: must be an object");
      } else {
        Object destination = ((Map<?, ?>) rule).get("destination");
        if (!(destination instanceof String) || !Values.isHttpUrl((String) destination)) {
          problems.add("routing_rules[" + i + "].destination: must be a valid HTTP or HTTPS URL");
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void applyLabelsAndRules(XqrLink link, Map<String, Object> body) {
    if (body.get("labels") != null) {
      link.labels = new ArrayList<>((List<String>) body.get("labels"));
    }
    if (body.get("routing_rules") != null) {
      link.routingRules = Json.copy((List<Map<String, Object>>) body.get("routing_rules"));
    }
  }

  private boolean codeTaken(String code) {
    return links.values().stream().anyMatch(l -> l.code.equals(code));
  }

  private static long queryNumber(
      EmulatorRequest request, String name, long fallback, long min, long max, List<String> problems) {
    Optional<String> text = request.query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    OptionalLong value = Values.wholeNumber(text.get());
    if (value.isEmpty() || value.getAsLong() < min || value.getAsLong() > max) {
      problems.add(name + ": must be a whole number from " + min + " to " + max);
      return fallback;
    }
    return value.getAsLong();
  }

  private void rollQuotaMonth() {
    YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    if (!now.equals(quotaMonth)) {
      quotaMonth = now;
      quotaUsed = 0;
    }
  }

  private long quotaResetEpochSecond() {
    return quotaMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  private Map<String, Object> rateLimitMeta() {
    Map<String, Object> rateLimit = new LinkedHashMap<>();
    rateLimit.put("limit", monthlyQuota);
    rateLimit.put("remaining", Math.max(0, monthlyQuota - quotaUsed));
    rateLimit.put("reset", quotaResetEpochSecond());
    return rateLimit;
  }

  private EmulatorResponse withQuotaHeaders(EmulatorResponse response) {
    return response
        .header("X-RateLimit-Limit", Long.toString(monthlyQuota))
        .header("X-RateLimit-Remaining", Long.toString(Math.max(0, monthlyQuota - quotaUsed)));
  }

  private EmulatorResponse withBurstHeaders(EmulatorResponse response, WindowLimiter.Decision decision) {
    if (!burst.enabled()) {
      return response;
    }
    return response
        .header("X-RateLimit-Burst-Limit", Integer.toString(decision.limit()))
        .header("X-RateLimit-Burst-Remaining", Integer.toString(decision.remaining()));
  }

  private EmulatorResponse ok(int status, Map<String, Object> link) {
    return envelope(status, link);
  }

  private EmulatorResponse envelope(int status, Map<String, Object> link) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("request_id", Codes.requestId());
    meta.put("rate_limit", rateLimitMeta());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", link);
    body.put("meta", meta);
    return EmulatorResponse.json(status, body);
  }

  private EmulatorResponse methodNotAllowed(String allowed) {
    return error(405, "METHOD_NOT_ALLOWED", "Allowed methods: " + allowed + ".").header("Allow", allowed);
  }

  static EmulatorResponse error(int status, String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("status", status);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("meta", Map.of("request_id", Codes.requestId()));
    return EmulatorResponse.json(status, body);
  }
}
