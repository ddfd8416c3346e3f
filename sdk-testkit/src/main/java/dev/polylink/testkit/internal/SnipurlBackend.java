package dev.polylink.testkit.internal;

import dev.polylink.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SnipURL API ({@code https://snipurl.click/api/v1}): links under {@code /api/v1/links}, the
 * {@code {success, data, meta}} envelope, {@code {success:false, error:{code, message, details?}}}
 * errors with zod-formatted details, and {@code X-RateLimit-*} headers. See {@code SnipurlEmulator}
 * for the documented-vs-chosen behaviour.
 */
public final class SnipurlBackend extends VendorBackend {
  private static final int MAX_URL_LENGTH = 2048;
  private static final int MAX_BULK = 50;
  /** The server's {@code links.title} column holds 255 characters; a longer title is a 500. */
  private static final int MAX_TITLE = 255;
  /** Where the server sends a visit of an unknown code. */
  private static final String NOT_FOUND_PAGE = "not-found";
  /** The path segment of a password-protected link's form, {@code /<code>/challenge}. */
  private static final String CHALLENGE = "challenge";
  /** zod 4's {@code z.string().uuid()}, which the server's bulk delete applies to each id. */
  private static final Pattern ZOD_UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}"
          + "|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff");
  private static final Pattern ALIAS = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
  private static final Set<String> RESERVED = Set.of(
      "api", "dashboard", "login", "register", "sign-in", "sign-up", "sign-out", "signin", "signup", "signout",
      "admin", "settings", "pricing", "about", "contact", "terms", "privacy", "blog", "support", "help",
      "account", "profile", "billing", "upgrade", "plan", "plans", "features", "termsofservice",
      "privacystatement", "privacypolicy", "analytics", "qr", "qr-codes", "qrcodes", "feedback", "report",
      "www", "mail", "smtp", "ftp", "cdn", "static", "assets", "images", "files", "uploads", "public",
      "private", "robots", "sitemap", "favicon", "icon", "health", "status", "ping", "webhook", "webhooks",
      "callback", "oauth", "auth", "authentication", "authorization", "snip", "snipurl", "root", "system",
      "null", "undefined", "true", "false", "new", "edit", "delete", "create", "update", "search", "app",
      "web", "test", "demo", "example", "sample", "placeholder", "home", "index", "main", "link", "links",
      "url", "redirect", "go", "click", "track", "tracking", "stats", "code", "share", "user", "users",
      "404", "500", "403", "401", "error", "not-found", "notfound", "forbidden");

  private final String apiKey = "snip_live_" + Codes.random(Codes.ALPHANUMERIC, 32);
  private final Map<UUID, SnipurlLink> links = new LinkedHashMap<>();
  private long sequence;
  private final SnipurlFeatures features = new SnipurlFeatures();
  private long linkLimit = SnipurlFeatures.DEFAULT_LINK_LIMIT;
  private final UUID accountId = Codes.uuid();
  private final Instant accountCreatedAt;
  /** The account's {@code default_expiry_hours}; null when it has none (the default). */
  private Integer defaultExpiryHours;
  /** The minute and hour windows of {@link #rateLimits}; off unless switched on. */
  private final SnipurlRateLimits twoWindows = new SnipurlRateLimits(clock);

  /** A backend with no links, stamping times with {@code clock}, serving short links under {@code serverRoot}. */
  public SnipurlBackend(MutableClock clock, String serverRoot) {
    super(clock, serverRoot);
    this.accountCreatedAt = Times.toMillis(clock.instant());
  }

  UUID accountId() {
    return accountId;
  }

  Instant accountCreatedAt() {
    return accountCreatedAt;
  }

  @Override
  public String providerId() {
    return "snipurl";
  }

  @Override
  public String apiKey() {
    return apiKey;
  }

  @Override
  protected String basePath() {
    return "/api/v1";
  }

  @Override
  protected List<String> apiPrefix() {
    return List.of("api", "v1");
  }

  @Override
  protected void clearState() {
    links.clear();
    sequence = 0;
    features.clear();
    linkLimit = SnipurlFeatures.DEFAULT_LINK_LIMIT;
    defaultExpiryHours = null;
    twoWindows.off();
  }

  /**
   * Switches on the server's two per-key windows at once, {@code perMinute} requests a minute and
   * {@code perHour} an hour (the key's {@code rate_limit_per_minute} and {@code
   * rate_limit_per_hour}), in place of the one window of {@link #rateLimit}.
   */
  public synchronized void rateLimits(int perMinute, int perHour) {
    twoWindows.configure(perMinute, perHour);
    burst.off();
  }

  /** The one-window limit ({@link #rateLimit}, {@link #rateLimitOff}) replaces the two windows. */
  @Override
  protected void rateLimitChanged() {
    twoWindows.off();
  }

  /** The key's {@code rate_limit_per_minute}: the two-window setting, or the server's default, 60. */
  int ratePerMinute() {
    return twoWindows.enabled() ? twoWindows.perMinute() : SnipurlFeatures.DEFAULT_PER_MINUTE;
  }

  /** The key's {@code rate_limit_per_hour}: the two-window setting, or the server's default, 1,000. */
  int ratePerHour() {
    return twoWindows.enabled() ? twoWindows.perHour() : SnipurlFeatures.DEFAULT_PER_HOUR;
  }

  /** Sets the account's {@code link_limit}: how many links it may hold. */
  public synchronized void linkLimit(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit: must not be negative (was " + limit + ")");
    }
    linkLimit = limit;
  }

  /** Sets the account's {@code default_expiry_hours}, or removes it with null. */
  public synchronized void defaultExpiryHours(Integer hours) {
    if (hours != null && hours <= 0) {
      throw new IllegalArgumentException("hours: must be positive (was " + hours + ")");
    }
    defaultExpiryHours = hours;
  }

  Optional<Integer> defaultExpiryHours() {
    return Optional.ofNullable(defaultExpiryHours);
  }

  Optional<SnipurlLink> byCode(String code) {
    return links.values().stream().filter(l -> l.code.equals(code)).findFirst();
  }

  Optional<SnipurlLink> byId(UUID id) {
    return Optional.ofNullable(links.get(id));
  }

  String shortUrlOf(SnipurlLink link) {
    return shortUrl(link.code);
  }

  long linkCount(boolean activeOnly) {
    return links.values().stream().filter(l -> !activeOnly || l.active).count();
  }

  long linkLimit() {
    return linkLimit;
  }

  @Override
  protected List<Map<String, Object>> renderLinks() {
    return links.values().stream().map(l -> render(l, true)).collect(Collectors.toList());
  }

  @Override
  protected EmulatorResponse api(EmulatorRequest request, List<String> path) {
    String auth = request.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return error(401, "UNAUTHORIZED", "Missing or invalid Authorization header. Expected: Bearer <api_key>", null);
    }
    String key = auth.substring(7);
    if (!key.startsWith("snip_live_") || key.length() < 30) {
      return error(401, "UNAUTHORIZED", "Invalid API key format.", null);
    }
    if (!key.equals(apiKey)) {
      return error(401, "UNAUTHORIZED", "Invalid API key.", null);
    }
    Optional<SnipurlRateLimits.Verdict> verdict = rateLimitVerdict();
    if (verdict.isPresent() && !verdict.get().allowed()) {
      SnipurlRateLimits.Verdict refused = verdict.get();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("limit", refused.limit());
      details.put("window", refused.window());
      details.put("retry_after", refused.retryAfterSeconds());
      EmulatorResponse response = error(429, "RATE_LIMIT_EXCEEDED",
          "Rate limit exceeded. Retry after " + refused.retryAfterSeconds() + " seconds.", details);
      response.header("Retry-After", Long.toString(refused.retryAfterSeconds()));
      return withRateLimitHeaders(response, refused);
    }
    EmulatorResponse response = route(request, path);
    return verdict.isPresent() ? withRateLimitHeaders(response, verdict.get()) : response;
  }

  /**
   * Counts this request against the limit that is on: the two windows of {@link #rateLimits}, or
   * the one window of {@link #rateLimit}; empty when neither is on (no headers are sent then).
   */
  private Optional<SnipurlRateLimits.Verdict> rateLimitVerdict() {
    if (twoWindows.enabled()) {
      return Optional.of(twoWindows.acquire());
    }
    if (!burst.enabled()) {
      return Optional.empty();
    }
    WindowLimiter.Decision decision = burst.acquire();
    return Optional.of(new SnipurlRateLimits.Verdict(decision.allowed(), decision.limit(), decision.remaining(),
        (decision.resetAt().toEpochMilli() + 999) / 1000, windowName(burst.window()),
        decision.retryAfterSeconds()));
  }

  private EmulatorResponse route(EmulatorRequest request, List<String> path) {
    Optional<EmulatorResponse> feature = features.route(this, request, path);
    if (feature.isPresent()) {
      return feature.get();
    }
    if (path.isEmpty() || !path.get(0).equals("links") || path.size() > 2) {
      return error(404, "NOT_FOUND", "Not found.", null);
    }
    String method = request.method();
    if (path.size() == 1) {
      switch (method) {
        case "GET":
        case "HEAD":
          return list(request);
        case "POST":
          return create(request);
        default:
          return methodNotAllowed("GET, POST");
      }
    }
    if (path.get(1).equals("bulk")) {
      switch (method) {
        case "POST":
          return bulkCreate(request);
        case "DELETE":
          return bulkDelete(request);
        default:
          return methodNotAllowed("POST, DELETE");
      }
    }
    Optional<SnipurlLink> link = Values.uuid(path.get(1)).map(links::get);
    switch (method) {
      case "GET":
      case "HEAD":
        return link.map(l -> ok(200, render(l, true), null)).orElseGet(SnipurlBackend::linkNotFound);
      case "PATCH":
        return update(request, link);
      case "DELETE":
        if (link.isEmpty()) {
          return linkNotFound();
        }
        links.remove(link.get().id);
        features.clicks.forget(link.get().id.toString()); // a hard delete: analytics go with it
        return ok(200, Map.of("deleted", true), null);
      default:
        return methodNotAllowed("GET, PATCH, DELETE");
    }
  }

  private EmulatorResponse create(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "BAD_REQUEST", "The request body must be a JSON object.", null);
    }
    Map<String, Object> body = parsed.get();
    ZodErrors errors = new ZodErrors();
    checkCreateFields(body, List.of(), errors);
    if (!errors.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "Invalid request data.", errors.format());
    }
    if (links.size() >= linkLimit) {
      return error(403, "FORBIDDEN",
          "Link limit reached (" + linkLimit + "). Delete existing links or upgrade your plan.", null);
    }
    String alias = (String) body.get("custom_alias");
    String code;
    if (alias != null && !alias.isEmpty()) {
      Optional<String> reason = aliasProblem(alias);
      if (reason.isPresent()) {
        ZodErrors aliasErrors = new ZodErrors();
        aliasErrors.add("custom_alias", reason.get());
        return error(400, "VALIDATION_ERROR", reason.get(), aliasErrors.format());
      }
      if (codeTaken(alias)) {
        return error(409, "CONFLICT", "This custom alias is already taken.", null);
      }
      code = alias;
    } else {
      code = Codes.uniqueCode(6, this::codeTaken);
    }
    String title = body.get("title") == null ? "" : ((String) body.get("title")).strip();
    if (tooLong(title)) {
      return databaseError();
    }
    return ok(201, render(store(body, code, title), false), null);
  }

  /**
   * {@code POST /links/bulk}, as the server's bulk route does it: the whole body is checked first
   * (1 to 50 items, each with the single create's field rules; any failure is one 400 {@code
   * VALIDATION_ERROR} for the request, nothing created); then the account's link limit for the
   * whole batch (403 {@code FORBIDDEN}, nothing created); then each item alone, in order: an
   * invalid or taken alias (by a link already there or by an earlier item of the same batch) or a
   * title the database refuses fails that item only, at its index, and the others are created. The
   * answer is 201 even when every item failed.
   */
  private EmulatorResponse bulkCreate(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "BAD_REQUEST", "The request body must be a JSON object.", null);
    }
    Object value = parsed.get().get("links");
    ZodErrors errors = new ZodErrors();
    List<Map<String, Object>> items = new ArrayList<>();
    if (value == null) {
      errors.add("links", "Required");
    } else if (!(value instanceof List)) {
      errors.add("links", ZodErrors.expected("array", value));
    } else {
      List<?> list = (List<?>) value;
      if (list.isEmpty()) {
        errors.add("links", "Array must contain at least 1 element(s)");
      } else if (list.size() > MAX_BULK) {
        errors.add("links", "Array must contain at most " + MAX_BULK + " element(s)");
      }
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        if (!(item instanceof Map)) {
          errors.add(List.of("links", Integer.toString(i)), ZodErrors.expected("object", item));
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) item;
        checkCreateFields(fields, List.of("links", Integer.toString(i)), errors);
        items.add(fields);
      }
    }
    if (!errors.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "Invalid request. Provide 1-" + MAX_BULK + " links.", errors.format());
    }
    if (links.size() + items.size() > linkLimit) {
      return error(403, "FORBIDDEN", "Link limit would be exceeded. Current: " + links.size() + ", limit: "
          + linkLimit + ", requested: " + items.size() + ".", null);
    }
    List<Map<String, Object>> success = new ArrayList<>();
    List<Map<String, Object>> failed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      String alias = (String) item.get("custom_alias");
      String code;
      if (alias != null && !alias.isEmpty()) {
        Optional<String> reason = aliasProblem(alias);
        if (reason.isPresent()) {
          failed.add(failure(i, reason.get()));
          continue;
        }
        if (codeTaken(alias)) {
          failed.add(failure(i, "Alias already taken"));
          continue;
        }
        code = alias;
      } else {
        code = Codes.uniqueCode(6, this::codeTaken);
      }
      String title = item.get("title") == null ? "" : ((String) item.get("title")).strip();
      if (tooLong(title)) {
        failed.add(failure(i, "Internal error creating link")); // the insert throws; the route catches it
        continue;
      }
      SnipurlLink link = store(item, code, title);
      Map<String, Object> created = new LinkedHashMap<>();
      created.put("id", link.id.toString());
      created.put("short_code", link.code);
      created.put("short_url", shortUrl(link.code));
      created.put("original_url", link.originalUrl);
      created.put("title", link.title);
      created.put("created_at", Times.millis(link.createdAt));
      success.add(created);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("success", success);
    data.put("failed", failed);
    return ok(201, data, null);
  }

  private static Map<String, Object> failure(int index, String message) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", index);
    out.put("error", message);
    return out;
  }

  /** The create schema's checks of one link's fields, reported under {@code path}. */
  private static void checkCreateFields(Map<String, Object> body, List<String> path, ZodErrors errors) {
    Object url = body.get("url");
    if (url == null) {
      errors.add(at(path, "url"), body.containsKey("url") ? ZodErrors.expected("string", null) : "Required");
    } else if (!(url instanceof String)) {
      errors.add(at(path, "url"), ZodErrors.expected("string", url));
    } else {
      String destination = ((String) url).strip();
      if (destination.length() > MAX_URL_LENGTH) {
        errors.add(at(path, "url"), "URL must be 2,048 characters or fewer");
      } else if (!Values.isHttpUrl(destination)) {
        errors.add(at(path, "url"), "Please enter a valid URL");
      }
    }
    for (String field : List.of("custom_alias", "title", "password")) {
      Object value = body.get(field);
      if (value != null && !(value instanceof String)) {
        errors.add(at(path, field), ZodErrors.expected("string", value));
      }
    }
    Object expires = body.get("expires_at");
    if (expires != null && Values.isoInstant(expires).isEmpty()) {
      errors.add(at(path, "expires_at"),
          expires instanceof String ? "Invalid datetime" : ZodErrors.expected("string", expires));
    }
  }

  private static List<String> at(List<String> path, String field) {
    List<String> out = new ArrayList<>(path);
    out.add(field);
    return out;
  }

  /**
   * Stores a checked create item under {@code code}. Without an {@code expires_at} (absent or
   * null) the account's default expiry, when set, applies from now.
   */
  private SnipurlLink store(Map<String, Object> body, String code, String title) {
    String destination = ((String) body.get("url")).strip();
    Instant now = Times.toMillis(clock.instant());
    SnipurlLink link = new SnipurlLink(Codes.uuid(), code, destination, ++sequence, now);
    link.title = title.isEmpty() ? destination : title;
    String password = (String) body.get("password");
    link.password = password == null || password.isEmpty() ? null : password;
    Optional<Instant> expiresAt = Values.isoInstant(body.get("expires_at")).map(Times::toMillis);
    if (expiresAt.isEmpty() && defaultExpiryHours != null) {
      expiresAt = Optional.of(now.plus(Duration.ofHours(defaultExpiryHours)));
    }
    link.expiresAt = expiresAt.orElse(null);
    links.put(link.id, link);
    return link;
  }

  private EmulatorResponse list(EmulatorRequest request) {
    ZodErrors errors = new ZodErrors();
    long page = queryNumber(request, "page", 1, 1, Long.MAX_VALUE, errors);
    long perPage = queryNumber(request, "per_page", 20, 1, 100, errors);
    Optional<String> active = request.query("is_active");
    if (active.isPresent() && !List.of("true", "false").contains(active.get())) {
      errors.add("is_active", "Invalid enum value. Expected 'true' | 'false', received '" + active.get() + "'");
    }
    if (!errors.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "Invalid query parameters.", errors.format());
    }
    String search = request.query("search").filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
    List<SnipurlLink> matching = links.values().stream()
        .filter(l -> active.isEmpty() || l.active == Boolean.parseBoolean(active.get()))
        .filter(l -> search == null || contains(l.originalUrl, search) || contains(l.code, search)
            || contains(l.title, search))
        .sorted(Comparator.comparing((SnipurlLink l) -> l.createdAt).thenComparingLong(l -> l.sequence).reversed())
        .collect(Collectors.toList());
    List<Map<String, Object>> items = matching.stream()
        .skip((page - 1) * perPage).limit(perPage).map(l -> render(l, false)).collect(Collectors.toList());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("page", page);
    meta.put("per_page", perPage);
    meta.put("total", matching.size());
    meta.put("total_pages", (matching.size() + perPage - 1) / perPage);
    return ok(200, items, meta);
  }

  private EmulatorResponse update(EmulatorRequest request, Optional<SnipurlLink> found) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "BAD_REQUEST", "The request body must be a JSON object.", null);
    }
    Map<String, Object> body = parsed.get();
    if (body.containsKey("original_url") || body.containsKey("short_code") || body.containsKey("url")) {
      return error(400, "BAD_REQUEST", "URL and alias cannot be changed after creation.", null);
    }
    ZodErrors errors = new ZodErrors();
    checkType(body, "title", String.class, false, "string", errors);
    checkType(body, "is_active", Boolean.class, false, "boolean", errors);
    checkType(body, "password", String.class, true, "string", errors);
    checkType(body, "analytics_public", Boolean.class, false, "boolean", errors);
    Object expires = body.get("expires_at");
    if (expires != null && Values.isoInstant(expires).isEmpty()) {
      errors.add("expires_at", expires instanceof String ? "Invalid datetime" : ZodErrors.expected("string", expires));
    }
    Object shared = body.get("analytics_shared_fields");
    if (shared != null && !Values.isStringList(shared)) {
      errors.add("analytics_shared_fields", shared instanceof List
          ? "Expected string, received a non-string element"
          : ZodErrors.expected("array", shared));
    }
    if (!errors.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "Invalid request data.", errors.format());
    }
    if (found.isEmpty()) {
      return linkNotFound();
    }
    SnipurlLink link = found.get();
    if (body.containsKey("title") && tooLong((String) body.get("title"))) {
      return databaseError();
    }
    if (body.containsKey("title")) {
      link.title = (String) body.get("title");
    }
    if (body.containsKey("is_active")) {
      link.active = (Boolean) body.get("is_active");
    }
    if (body.containsKey("analytics_public")) {
      link.analyticsPublic = (Boolean) body.get("analytics_public");
    }
    if (body.containsKey("analytics_shared_fields")) {
      link.analyticsSharedFields = shared == null ? null : new ArrayList<>(stringList(shared));
    }
    if (body.containsKey("password")) {
      String password = (String) body.get("password");
      if (password == null) {
        link.password = null;
      } else if (!password.isEmpty()) {
        link.password = password;
      }
    }
    if (body.containsKey("expires_at")) {
      link.expiresAt = Values.isoInstant(expires).map(Times::toMillis).orElse(null);
    }
    link.updatedAt = Times.toMillis(clock.instant());
    return ok(200, render(link, false), null);
  }

  private EmulatorResponse bulkDelete(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "BAD_REQUEST", "The request body must be a JSON object.", null);
    }
    Object ids = parsed.get().get("ids");
    ZodErrors errors = new ZodErrors();
    if (ids == null) {
      errors.add("ids", "Required");
    } else if (!(ids instanceof List)) {
      errors.add("ids", ZodErrors.expected("array", ids));
    } else {
      List<?> list = (List<?>) ids;
      if (list.isEmpty()) {
        errors.add("ids", "Array must contain at least 1 element(s)");
      } else if (list.size() > MAX_BULK) {
        errors.add("ids", "Array must contain at most " + MAX_BULK + " element(s)");
      }
      for (Object id : list) {
        if (!(id instanceof String) || !ZOD_UUID.matcher((String) id).matches()) {
          errors.add("ids", "Invalid uuid");
          break;
        }
      }
    }
    if (!errors.isEmpty()) {
      return error(400, "VALIDATION_ERROR", "Invalid request. Provide 1-" + MAX_BULK + " link IDs.", errors.format());
    }
    int deleted = 0;
    for (Object id : (List<?>) ids) {
      if (links.remove(UUID.fromString((String) id)) != null) {
        features.clicks.forget(UUID.fromString((String) id).toString());
        deleted++;
      }
    }
    return ok(200, Map.of("deleted", deleted), null);
  }

  /**
   * A short-link visit as the server's redirect route answers it: an unknown code redirects (307,
   * Next.js's {@code NextResponse.redirect}) to {@code /not-found}; a deactivated or expired link
   * answers 200 with an HTML page saying so; a password-protected one redirects (307) to {@code
   * /<code>/challenge}; otherwise 302 to the destination, counting a click.
   */
  @Override
  protected EmulatorResponse shortLink(String code) {
    if (code.equals(NOT_FOUND_PAGE)) {
      return notFoundPage(); // a reserved word: never a link's code
    }
    Optional<SnipurlLink> found = links.values().stream().filter(l -> l.code.equals(code)).findFirst();
    if (found.isEmpty()) {
      return EmulatorResponse.redirect(307, serverRoot + "/" + NOT_FOUND_PAGE);
    }
    SnipurlLink link = found.get();
    if (!link.active) {
      return statusPage("This link has been deactivated",
          "The owner of this short link has deactivated it. It is no longer available for use.");
    }
    if (link.expired(clock.instant())) {
      return statusPage("This link has expired", "This short link has passed its expiry date and is no longer active.");
    }
    if (link.password != null) {
      return EmulatorResponse.redirect(307, serverRoot + "/" + code + "/" + CHALLENGE);
    }
    link.clicks++;
    features.clicks.record(link.id.toString(), clock.instant(), currentRequest());
    return EmulatorResponse.redirect(302, link.originalUrl);
  }

  /** {@code GET /<code>/challenge}: the password form of a password-protected link (200), else a 404 page. */
  @Override
  protected EmulatorResponse page(EmulatorRequest request) {
    List<String> segments = request.segments();
    boolean read = request.method().equals("GET") || request.method().equals("HEAD");
    if (read && segments.size() == 2 && segments.get(1).equals(CHALLENGE)
        && byCode(segments.get(0)).filter(l -> l.password != null).isPresent()) {
      return EmulatorResponse.text(200, "text/html; charset=utf-8",
          Html.page("Password required", "This link is protected by a password."));
    }
    return notFoundPage();
  }

  private static EmulatorResponse statusPage(String title, String message) {
    return EmulatorResponse.text(200, "text/html; charset=utf-8", Html.page(title, message));
  }

  private static Optional<String> aliasProblem(String alias) {
    if (alias.length() < 3) {
      return Optional.of("Alias must be at least 3 characters.");
    }
    if (alias.length() > 50) {
      return Optional.of("Alias must be 50 characters or fewer.");
    }
    if (RESERVED.contains(alias.toLowerCase(Locale.ROOT))) {
      return Optional.of("\"" + alias + "\" is a reserved word and cannot be used as an alias.");
    }
    if (!ALIAS.matcher(alias).matches()) {
      return Optional.of(
          "Alias can only contain letters, numbers, and hyphens. It cannot start or end with a hyphen.");
    }
    return Optional.empty();
  }

  private Map<String, Object> render(SnipurlLink link, boolean withSharedFields) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", link.id.toString());
    out.put("short_code", link.code);
    out.put("short_url", shortUrl(link.code));
    out.put("original_url", link.originalUrl);
    out.put("title", link.title);
    out.put("is_active", link.active);
    out.put("has_password", link.password != null);
    out.put("expires_at", Times.millis(link.expiresAt));
    out.put("clicks_count", link.clicks);
    out.put("analytics_public", link.analyticsPublic);
    if (withSharedFields) {
      out.put("analytics_shared_fields",
          link.analyticsSharedFields == null ? null : new ArrayList<>(link.analyticsSharedFields));
    }
    out.put("created_at", Times.millis(link.createdAt));
    out.put("updated_at", Times.millis(link.updatedAt));
    return out;
  }

  private boolean codeTaken(String code) {
    return links.values().stream().anyMatch(l -> l.code.equals(code));
  }

  private static boolean contains(String haystack, String lowerNeedle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }

  @SuppressWarnings("unchecked")
  private static List<String> stringList(Object value) {
    return (List<String>) value;
  }

  private static void checkType(
      Map<String, Object> body, String field, Class<?> type, boolean nullable, String typeName, ZodErrors errors) {
    if (!body.containsKey(field)) {
      return;
    }
    Object value = body.get(field);
    if (value == null ? !nullable : !type.isInstance(value)) {
      errors.add(field, ZodErrors.expected(typeName, value));
    }
  }

  private static long queryNumber(
      EmulatorRequest request, String name, long fallback, long min, long max, ZodErrors errors) {
    Optional<String> text = request.query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    OptionalLong value = Values.wholeNumber(text.get().strip());
    if (value.isEmpty()) {
      errors.add(name, "Expected integer, received string");
    } else if (value.getAsLong() < min) {
      errors.add(name, "Number must be greater than or equal to " + min);
    } else if (value.getAsLong() > max) {
      errors.add(name, "Number must be less than or equal to " + max);
    } else {
      return value.getAsLong();
    }
    return fallback;
  }

  /** {@code 1m}, {@code 1h}, or whole seconds such as {@code 30s}, as the vendor names its windows. */
  static String windowName(Duration window) {
    long seconds = Math.max(1, (window.toMillis() + 999) / 1000);
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  private static EmulatorResponse withRateLimitHeaders(EmulatorResponse response, SnipurlRateLimits.Verdict verdict) {
    return response
        .header("X-RateLimit-Limit", Integer.toString(verdict.limit()))
        .header("X-RateLimit-Remaining", Integer.toString(verdict.remaining()))
        .header("X-RateLimit-Reset", Long.toString(verdict.resetAtSeconds()));
  }

  private static boolean tooLong(String title) {
    return title.codePointCount(0, title.length()) > MAX_TITLE;
  }

  /** What the server answers when PostgreSQL refuses a value: 500 with an empty body. */
  private static EmulatorResponse databaseError() {
    return EmulatorResponse.empty(500);
  }

  private static EmulatorResponse linkNotFound() {
    return error(404, "NOT_FOUND", "Link not found.", null);
  }

  private static EmulatorResponse methodNotAllowed(String allowed) {
    return error(405, "METHOD_NOT_ALLOWED", "Allowed methods: " + allowed + ".", null).header("Allow", allowed);
  }

  static EmulatorResponse ok(int status, Object data, Map<String, Object> meta) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("data", data);
    if (meta != null) {
      body.put("meta", meta);
    }
    return EmulatorResponse.json(status, body);
  }

  static EmulatorResponse error(int status, String code, String message, Object details) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    if (details != null) {
      error.put("details", details);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("error", error);
    return EmulatorResponse.json(status, body);
  }
}
