package dev.polylink.testkit.internal;

import dev.polylink.testkit.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ShortPen API ({@code https://api.shortpen.com}): {@code POST /v1/generate}, {@code GET},
 * {@code PUT}/{@code PATCH} and {@code DELETE /v1/links} with the link id in the body, {@code POST
 * /v1/get} for resources, and the {@code {success, status_code, data, message}} envelope for
 * answers and errors alike. See {@code ShortpenEmulator} for the documented-vs-chosen behaviour.
 */
public final class ShortpenBackend extends VendorBackend {
  /** The id of the emulator's one domain. */
  public static final long DOMAIN_ID = 12;
  /** The id of the emulator's one workspace. */
  public static final long WORKSPACE_ID = 3;
  /** The id of the emulator's organization. */
  public static final long ORGANIZATION_ID = 7;
  /** The id of the emulator's one folder. */
  public static final long FOLDER_ID = 21;
  /** The id of the emulator's one tracking pixel. */
  public static final long PIXEL_ID = 31;
  /** The id the first link gets, as in the documentation's examples. */
  public static final long FIRST_LINK_ID = 501;

  /** A 1x1 PNG, base64: the marker that a QR code was asked for; replaced by a PNG of the short URL. */
  static final String QR_PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  private static final Set<String> RESERVED = Set.of(
      "v1", "api", "admin", "dashboard", "login", "logout", "register", "settings", "docs", "app", "help");
  private static final Set<String> FIELDS = Set.of(
      "url", "domain_id", "workspace_id", "title", "custom_slug", "folder_id", "param", "generate_qr",
      "enable_tracking", "pixel_id", "redirect_type", "link_cloak", "hide_referer", "with_password",
      "url_password", "r", "g", "b", "uploaded_logo_type", "uploaded_logo_data", "social_share_title",
      "social_share_description", "social_share_image_data");

  private final String apiKey = Codes.random(Codes.ALPHANUMERIC, 48);
  private final Map<Long, ShortpenLink> links = new LinkedHashMap<>();
  private long nextId = FIRST_LINK_ID;
  private boolean featureQuotaExhausted;
  private final ShortpenFeatures features = new ShortpenFeatures();

  /** A backend with no links, stamping times with {@code clock}, serving short links under {@code serverRoot}. */
  public ShortpenBackend(MutableClock clock, String serverRoot) {
    super(clock, serverRoot);
  }

  @Override
  public String providerId() {
    return "shortpen";
  }

  @Override
  public String apiKey() {
    return apiKey;
  }

  @Override
  public Map<String, String> clientConfig() {
    Map<String, String> config = super.clientConfig();
    config.put("defaultDomainId", Long.toString(DOMAIN_ID));
    return config;
  }

  @Override
  protected String basePath() {
    return "";
  }

  @Override
  protected List<String> apiPrefix() {
    return List.of("v1");
  }

  /** While true, {@code POST /v1/generate} answers 429 without {@code Retry-After} (a monthly feature quota). */
  public synchronized void featureQuotaExhausted(boolean exhausted) {
    featureQuotaExhausted = exhausted;
  }

  @Override
  protected void clearState() {
    links.clear();
    nextId = FIRST_LINK_ID;
    featureQuotaExhausted = false;
    features.clear();
  }

  @Override
  protected List<Map<String, Object>> renderLinks() {
    return links.values().stream().filter(ShortpenLink::live).map(this::render).collect(Collectors.toList());
  }

  @Override
  protected EmulatorResponse api(EmulatorRequest request, List<String> path) {
    String method = request.method();
    if (path.equals(List.of("ping"))) {
      return method.equals("GET") || method.equals("HEAD")
          ? EmulatorResponse.text(200, "text/plain; charset=utf-8", "PONG")
          : methodNotAllowed(method, "GET");
    }
    String auth = request.header("Authorization");
    if (auth == null || !auth.equals("Bearer " + apiKey)) {
      return error(401, "Unauthenticated.");
    }
    WindowLimiter.Decision decision = burst.acquire();
    if (!decision.allowed()) {
      return error(429, "Too Many Attempts.").header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }
    if (path.equals(List.of("generate"))) {
      return method.equals("POST") ? generate(request) : methodNotAllowed(method, "POST");
    }
    if (path.equals(List.of("get"))) {
      return method.equals("POST") ? resources(request) : methodNotAllowed(method, "POST");
    }
    if (path.equals(List.of("links"))) {
      switch (method) {
        case "GET":
        case "HEAD":
          return list(request);
        case "PUT":
        case "PATCH":
          return edit(request);
        case "DELETE":
          return delete(request);
        default:
          return methodNotAllowed(method, "GET, PUT, PATCH, DELETE");
      }
    }
    Optional<EmulatorResponse> feature = features.route(this, request, path);
    if (feature.isPresent()) {
      return feature.get();
    }
    return error(404, "Not Found.");
  }

  /** A link asked to have a QR code gets a PNG of its short URL (84 x 84 pixels), base64 as ShortPen sends it. */
  private void renderQr(ShortpenLink link) {
    if (link.qr != null) {
      link.qr = java.util.Base64.getEncoder().encodeToString(QrImages.png(shortUrl(link.slug), 84));
    }
  }

  Optional<String> slugOf(long id) {
    return Optional.ofNullable(links.get(id)).map(l -> l.slug);
  }

  String domainName() {
    return java.net.URI.create(serverRoot).getAuthority();
  }

  boolean quotaExhausted() {
    return featureQuotaExhausted;
  }

  long liveLinks() {
    return links.values().stream().filter(ShortpenLink::live).count();
  }

  long linksWithQr() {
    return links.values().stream().filter(l -> l.live() && l.qr != null).count();
  }

  private EmulatorResponse generate(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "The request body must be a JSON object.");
    }
    Map<String, Object> body = parsed.get();
    if (body.containsKey("url_id")) {
      return edit(body);
    }
    if (featureQuotaExhausted) {
      return error(429, "You have reached the monthly limit of links for your plan.");
    }
    List<String> problems = new ArrayList<>();
    if (body.get("url") == null) {
      problems.add("The url field is required.");
    }
    if (body.get("domain_id") == null) {
      problems.add("The domain id field is required.");
    }
    ShortpenLink link = new ShortpenLink(nextId, clock.instant());
    link.domainId = DOMAIN_ID;
    link.workspaceId = WORKSPACE_ID;
    List<Runnable> changes = validate(body, link, true, problems);
    if (!problems.isEmpty()) {
      return validationError(problems);
    }
    nextId++;
    changes.forEach(Runnable::run);
    if (link.slug == null) {
      link.slug = Codes.uniqueCode(6, this::slugTaken);
    }
    renderQr(link);
    links.put(link.id, link);
    return ok(linkAnswer(link, true));
  }

  private EmulatorResponse edit(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "The request body must be a JSON object.");
    }
    return edit(parsed.get());
  }

  private EmulatorResponse edit(Map<String, Object> body) {
    if (body.get("url_id") == null) {
      return error(400, "The url id field is required.");
    }
    OptionalLong id = lenientWholeNumber(body.get("url_id"));
    if (id.isEmpty()) {
      return error(400, "The url id field must be an integer.");
    }
    if (body.keySet().stream().noneMatch(FIELDS::contains)) {
      return error(400, "Provide at least one field to update besides url_id.");
    }
    ShortpenLink link = links.get(id.getAsLong());
    if (link == null || !link.live()) {
      return error(404, "Link not found.");
    }
    List<String> problems = new ArrayList<>();
    List<Runnable> changes = validate(body, link, false, problems);
    if (!problems.isEmpty()) {
      return validationError(problems);
    }
    changes.forEach(Runnable::run);
    renderQr(link);
    link.updatedAt = clock.instant();
    return ok(linkAnswer(link, false));
  }

  private EmulatorResponse delete(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty() || parsed.get().get("url_id") == null) {
      return error(400, "The url id field is required.");
    }
    Object value = parsed.get().get("url_id");
    List<Long> ids = new ArrayList<>();
    if (value instanceof List) {
      for (Object item : (List<?>) value) {
        OptionalLong id = lenientWholeNumber(item);
        if (id.isEmpty()) {
          return error(400, "The url id field must be an integer or an array of integers.");
        }
        ids.add(id.getAsLong());
      }
      if (ids.isEmpty()) {
        return error(400, "The url id field is required.");
      }
    } else {
      OptionalLong id = lenientWholeNumber(value);
      if (id.isEmpty()) {
        return error(400, "The url id field must be an integer or an array of integers.");
      }
      ids.add(id.getAsLong());
    }
    int deleted = 0;
    for (Long id : ids.stream().distinct().collect(Collectors.toList())) {
      ShortpenLink link = links.get(id);
      if (link != null && link.live()) {
        link.deletedAt = clock.instant();
        deleted++;
      }
    }
    if (deleted == 0) {
      return error(404, "No links found for the given url_id.");
    }
    return ok(Map.of("deleted", deleted));
  }

  private EmulatorResponse list(EmulatorRequest request) {
    List<String> problems = new ArrayList<>();
    long page = queryNumber(request, "page", 1, 1, Integer.MAX_VALUE, problems);
    long limit = queryNumber(request, "limit", 100, 1, 100, problems);
    long workspace = queryNumber(request, "workspace_id", WORKSPACE_ID, 1, Long.MAX_VALUE, problems);
    if (!problems.isEmpty()) {
      return validationError(problems);
    }
    List<ShortpenLink> matching = links.values().stream()
        .filter(ShortpenLink::live)
        .filter(l -> l.workspaceId == workspace)
        .sorted(Comparator.comparing((ShortpenLink l) -> l.createdAt).thenComparingLong(l -> l.id).reversed())
        .collect(Collectors.toList());
    List<Map<String, Object>> items = matching.stream()
        .skip((page - 1) * limit).limit(limit).map(this::render).collect(Collectors.toList());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("status_code", 200);
    body.put("data", items);
    body.put("count", items.size());
    body.put("total", matching.size());
    body.put("page", page);
    body.put("message", "");
    return EmulatorResponse.json(200, body);
  }

  private EmulatorResponse resources(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    Object resource = parsed.map(b -> b.get("resource")).orElse(null);
    if (resource == null) {
      return error(400, "The resource field is required.");
    }
    switch (String.valueOf(resource)) {
      case "domain":
        return ok(List.of(domain()));
      case "folder":
        return ok(List.of(Map.of("id", FOLDER_ID, "name", "Campaigns")));
      case "pixel":
        return ok(List.of(Map.of("id", PIXEL_ID, "name", "Main pixel", "unique_id", "px_emulator01")));
      case "organization":
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("name", "Emulator organization");
        organization.put("logo", null);
        organization.put("is_default_logo", true);
        organization.put("workspaces", List.of(Map.of("id", WORKSPACE_ID, "name", "Default workspace")));
        organization.put("updated_at", Times.micros(clock.instant()));
        return ok(organization);
      default:
        return error(400, "The selected resource is invalid.");
    }
  }

  private Map<String, Object> domain() {
    Map<String, Object> domain = new LinkedHashMap<>();
    domain.put("id", DOMAIN_ID);
    domain.put("domain", serverRoot.substring(serverRoot.indexOf("://") + 3));
    domain.put("url", serverRoot);
    domain.put("active", true);
    domain.put("is_default", true);
    return domain;
  }

  /** Checks every field of {@code body} and returns the changes to make, all or none. */
  private List<Runnable> validate(Map<String, Object> body, ShortpenLink link, boolean creating, List<String> problems) {
    List<Runnable> changes = new ArrayList<>();
    if (body.get("url") != null) {
      Object raw = body.get("url");
      String url = raw instanceof String ? ((String) raw).strip() : "";
      if (!url.isEmpty() && !HAS_SCHEME.matcher(url).matches()) {
        url = "https://" + url;
      }
      if (!Values.isHttpUrl(url)) {
        problems.add("The url field must be a valid URL.");
      } else {
        String destination = url;
        changes.add(() -> link.url = destination);
      }
    } else if (body.containsKey("url") && !creating) {
      problems.add("The url field must be a valid URL.");
    }
    idField(body, "domain_id", DOMAIN_ID, creating, problems).ifPresent(id -> changes.add(() -> link.domainId = id));
    idField(body, "workspace_id", WORKSPACE_ID, creating, problems)
        .ifPresent(id -> changes.add(() -> link.workspaceId = id));
    if (body.containsKey("folder_id")) {
      if (body.get("folder_id") == null) {
        changes.add(() -> link.folderId = null);
      } else {
        idField(body, "folder_id", FOLDER_ID, false, problems).ifPresent(id -> changes.add(() -> link.folderId = id));
      }
    }
    nullableString(body, "title", problems).ifPresent(v -> changes.add(() -> link.title = v.orElse(null)));
    slug(body, link, creating, problems).ifPresent(slug -> changes.add(() -> link.slug = slug));
    params(body, problems).ifPresent(params -> changes.add(() -> link.params = params.orElse(null)));
    bool(body, "generate_qr", problems).ifPresent(on -> {
      if (on) {
        changes.add(() -> link.qr = QR_PNG);
      }
    });
    tracking(body, link, problems, changes);
    if (body.containsKey("redirect_type")) {
      OptionalLong type = lenientWholeNumber(body.get("redirect_type"));
      if (type.isEmpty() || (type.getAsLong() != 301 && type.getAsLong() != 302)) {
        problems.add("The selected redirect type is invalid.");
      } else {
        int status = (int) type.getAsLong();
        changes.add(() -> link.redirectType = status);
      }
    }
    bool(body, "link_cloak", problems).ifPresent(on -> changes.add(() -> link.linkCloak = on));
    bool(body, "hide_referer", problems).ifPresent(on -> changes.add(() -> link.hideReferer = on));
    password(body, link, problems, changes);
    for (String channel : List.of("r", "g", "b")) {
      if (body.containsKey(channel)) {
        OptionalLong value = lenientWholeNumber(body.get(channel));
        if (value.isEmpty() || value.getAsLong() < 0 || value.getAsLong() > 255) {
          problems.add("The " + channel + " field must be between 0 and 255.");
        } else {
          int v = (int) value.getAsLong();
          changes.add(() -> {
            switch (channel) {
              case "r" -> link.red = v;
              case "g" -> link.green = v;
              default -> link.blue = v;
            }
          });
        }
      }
    }
    logo(body, link, problems, changes);
    nullableString(body, "social_share_title", problems).ifPresent(v -> changes.add(() -> link.socialTitle = v.orElse(null)));
    nullableString(body, "social_share_description", problems)
        .ifPresent(v -> changes.add(() -> link.socialDescription = v.orElse(null)));
    nullableString(body, "social_share_image_data", problems).ifPresent(v -> changes.add(
        () -> link.socialImage = v.map(data -> serverRoot + "/social/" + link.id + ".png").orElse(null)));
    return changes;
  }

  private Optional<String> slug(Map<String, Object> body, ShortpenLink link, boolean creating, List<String> problems) {
    if (!body.containsKey("custom_slug")) {
      return Optional.empty();
    }
    Object value = body.get("custom_slug");
    if ((value == null || "".equals(value)) && creating) {
      return Optional.empty();
    }
    if (!(value instanceof String) || !SLUG.matcher((String) value).matches()) {
      problems.add("The custom slug may only contain letters, numbers, dashes and underscores.");
      return Optional.empty();
    }
    String slug = (String) value;
    if (RESERVED.contains(slug.toLowerCase(Locale.ROOT))) {
      problems.add("The custom slug is a reserved word.");
      return Optional.empty();
    }
    boolean taken = links.values().stream()
        .anyMatch(l -> l.live() && l != link && l.domainId == DOMAIN_ID && l.slug.equals(slug));
    if (taken) {
      problems.add("The custom slug has already been taken.");
      return Optional.empty();
    }
    return Optional.of(slug);
  }

  private static Optional<Optional<Map<String, String>>> params(Map<String, Object> body, List<String> problems) {
    if (!body.containsKey("param")) {
      return Optional.empty();
    }
    Object value = body.get("param");
    if (value == null) {
      return Optional.of(Optional.empty());
    }
    if (!(value instanceof Map)) {
      problems.add("The param field must be an object.");
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      Object v = entry.getValue();
      if (v instanceof Map || v instanceof List) {
        problems.add("The param." + entry.getKey() + " field must be a string.");
      } else if (v != null && !String.valueOf(v).isEmpty()) {
        params.put(String.valueOf(entry.getKey()), String.valueOf(v));
      }
    }
    return Optional.of(params.isEmpty() ? Optional.empty() : Optional.of(params));
  }

  private void tracking(Map<String, Object> body, ShortpenLink link, List<String> problems, List<Runnable> changes) {
    Optional<Long> pixel = body.get("pixel_id") == null
        ? Optional.empty()
        : idField(body, "pixel_id", PIXEL_ID, false, problems);
    Optional<Boolean> tracking = bool(body, "enable_tracking", problems);
    if (tracking.isPresent() && tracking.get()) {
      if (pixel.isEmpty() && body.get("pixel_id") == null) {
        problems.add("The pixel id field is required when enable tracking is true.");
      }
      pixel.ifPresent(id -> changes.add(() -> link.pixelId = id));
    } else if (tracking.isPresent()) {
      changes.add(() -> link.pixelId = null);
    } else {
      pixel.ifPresent(id -> changes.add(() -> link.pixelId = id));
    }
  }

  private void password(Map<String, Object> body, ShortpenLink link, List<String> problems, List<Runnable> changes) {
    Optional<Boolean> protect = bool(body, "with_password", problems);
    Optional<Optional<String>> given = nullableString(body, "url_password", problems);
    String newPassword = given.flatMap(v -> v).filter(v -> !v.isEmpty()).orElse(null);
    if (protect.isPresent() && protect.get()) {
      if (newPassword == null && link.password == null) {
        problems.add("The url password field is required when with password is true.");
      } else if (newPassword != null) {
        changes.add(() -> link.password = newPassword);
      }
    } else if (protect.isPresent()) {
      changes.add(() -> link.password = null);
    } else if (newPassword != null && link.password != null) {
      changes.add(() -> link.password = newPassword);
    }
  }

  private static void logo(Map<String, Object> body, ShortpenLink link, List<String> problems, List<Runnable> changes) {
    if (!body.containsKey("uploaded_logo_type") && !body.containsKey("uploaded_logo_data")) {
      return;
    }
    Object type = body.getOrDefault("uploaded_logo_type", link.logoType);
    if (!List.of("none", "custom", "uploaded").contains(type)) {
      problems.add("The selected uploaded logo type is invalid.");
      return;
    }
    Object data = body.containsKey("uploaded_logo_data") ? body.get("uploaded_logo_data") : link.logoData;
    if (data != null && !(data instanceof String)) {
      problems.add("The uploaded logo data field must be a string.");
      return;
    }
    if ("uploaded".equals(type) && data == null) {
      problems.add("The uploaded logo data field is required when uploaded logo type is uploaded.");
      return;
    }
    changes.add(() -> {
      link.logoType = (String) type;
      link.logoData = (String) data;
    });
  }

  /** An id that must be {@code known}; a null is skipped when {@code skipNull}, else a problem. */
  private static Optional<Long> idField(
      Map<String, Object> body, String field, long known, boolean skipNull, List<String> problems) {
    if (!body.containsKey(field) || (skipNull && body.get(field) == null)) {
      return Optional.empty();
    }
    OptionalLong id = lenientWholeNumber(body.get(field));
    if (id.isEmpty() || id.getAsLong() != known) {
      problems.add("The selected " + field.replace('_', ' ') + " is invalid.");
      return Optional.empty();
    }
    return Optional.of(id.getAsLong());
  }

  private static Optional<Optional<String>> nullableString(Map<String, Object> body, String field, List<String> problems) {
    if (!body.containsKey(field)) {
      return Optional.empty();
    }
    Object value = body.get(field);
    if (value == null) {
      return Optional.of(Optional.empty());
    }
    if (!(value instanceof String)) {
      problems.add("The " + field.replace('_', ' ') + " field must be a string.");
      return Optional.empty();
    }
    return Optional.of(Optional.of((String) value));
  }

  /** Laravel's {@code boolean} rule: true, false, 1, 0, "1", "0". */
  private static Optional<Boolean> bool(Map<String, Object> body, String field, List<String> problems) {
    if (!body.containsKey(field)) {
      return Optional.empty();
    }
    Object value = body.get(field);
    if (value instanceof Boolean) {
      return Optional.of((Boolean) value);
    }
    if (Integer.valueOf(1).equals(value) || "1".equals(value)) {
      return Optional.of(true);
    }
    if (Integer.valueOf(0).equals(value) || "0".equals(value)) {
      return Optional.of(false);
    }
    problems.add("The " + field.replace('_', ' ') + " field must be true or false.");
    return Optional.empty();
  }

  /** Laravel's {@code integer} rule: a JSON whole number or a string of digits. */
  private static OptionalLong lenientWholeNumber(Object value) {
    if (value instanceof String) {
      return Values.wholeNumber((String) value);
    }
    return Values.wholeNumber(value);
  }

  private static long queryNumber(
      EmulatorRequest request, String name, long fallback, long min, long max, List<String> problems) {
    Optional<String> text = request.query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    OptionalLong value = Values.wholeNumber(text.get());
    if (value.isEmpty() || value.getAsLong() < min || value.getAsLong() > max) {
      problems.add("The " + name.replace('_', ' ') + " field must be an integer between " + min + " and " + max + ".");
      return fallback;
    }
    return value.getAsLong();
  }

  private boolean slugTaken(String slug) {
    return links.values().stream().anyMatch(l -> l.live() && l.slug.equals(slug));
  }

  @Override
  protected EmulatorResponse shortLink(String code) {
    Optional<ShortpenLink> found = links.values().stream()
        .filter(l -> l.live() && l.slug.equals(code)).findFirst();
    if (found.isEmpty()) {
      return notFoundPage();
    }
    ShortpenLink link = found.get();
    if (link.password != null) {
      return passwordPage();
    }
    String destination = destination(link);
    features.clicks.record(Long.toString(link.id), clock.instant(), currentRequest());
    if (link.linkCloak) {
      return EmulatorResponse.text(200, "text/html; charset=utf-8",
          "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Html.escape(link.title == null ? "" : link.title)
              + "</title></head><body style=\"margin:0\"><iframe src=\"" + Html.escape(destination)
              + "\" style=\"border:0;width:100%;height:100vh\"></iframe></body></html>\n");
    }
    return EmulatorResponse.redirect(link.redirectType, destination);
  }

  /** The destination with {@code param} appended as query parameters. */
  private static String destination(ShortpenLink link) {
    if (link.params == null || link.params.isEmpty()) {
      return link.url;
    }
    String query = link.params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    int hash = link.url.indexOf('#');
    String base = hash < 0 ? link.url : link.url.substring(0, hash);
    String fragment = hash < 0 ? "" : link.url.substring(hash);
    return base + (base.contains("?") ? "&" : "?") + query + fragment;
  }

  private Map<String, Object> linkAnswer(ShortpenLink link, boolean created) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("link", shortUrl(link.slug));
    data.put("short_url", shortUrl(link.slug));
    data.put("created", created);
    data.put("qr", link.qr);
    return data;
  }

  private Map<String, Object> render(ShortpenLink link) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", link.id);
    out.put("title", link.title);
    out.put("url", link.url);
    out.put("link", shortUrl(link.slug));
    out.put("short_url", shortUrl(link.slug));
    out.put("qr", link.qr);
    out.put("starred", false);
    out.put("redirect_type", link.redirectType);
    out.put("domain_id", link.domainId);
    out.put("folder_id", link.folderId);
    out.put("pixel_id", link.pixelId);
    out.put("workspace_id", link.workspaceId);
    out.put("organization_id", ORGANIZATION_ID);
    out.put("link_cloak", link.linkCloak);
    out.put("hide_referer", link.hideReferer);
    out.put("with_password", link.password != null);
    out.put("params", link.params == null ? null : new LinkedHashMap<>(link.params));
    out.put("social_share_title", link.socialTitle);
    out.put("social_share_description", link.socialDescription);
    out.put("social_share_image", link.socialImage);
    out.put("created_at", Times.micros(link.createdAt));
    out.put("updated_at", Times.micros(link.updatedAt));
    return out;
  }

  static EmulatorResponse ok(Object data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("status_code", 200);
    body.put("data", data);
    body.put("message", "");
    return EmulatorResponse.json(200, body);
  }

  private static EmulatorResponse validationError(List<String> problems) {
    String message = problems.get(0);
    if (problems.size() > 1) {
      int more = problems.size() - 1;
      message += " (and " + more + " more error" + (more == 1 ? "" : "s") + ")";
    }
    return error(400, message);
  }

  private static EmulatorResponse methodNotAllowed(String method, String allowed) {
    return error(405, "The " + method + " method is not supported for this route. Supported methods: " + allowed + ".")
        .header("Allow", allowed);
  }

  static EmulatorResponse error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("status_code", status);
    body.put("message", message);
    return EmulatorResponse.json(status, body);
  }
}
