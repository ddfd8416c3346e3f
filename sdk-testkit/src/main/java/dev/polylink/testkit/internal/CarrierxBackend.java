package dev.polylink.testkit.internal;

import dev.polylink.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The CarrierX Core API v2 shortener ({@code https://api.carrierx.com/core/v2}): links under
 * {@code /core/v2/shortener/links}, no envelope, Bearer or Basic authentication, 415 for a body
 * that is not declared JSON. See {@code CarrierxEmulator} for the documented-vs-chosen behaviour.
 */
public final class CarrierxBackend extends VendorBackend {
  /** Every field of the link object, in the documentation's order: what a PUT must carry. */
  static final List<String> FIELDS = List.of(
      "date_accessed", "date_created", "destination_url", "domain_sid", "hits", "link_sid", "maximum_ttl",
      "mode", "partner_sid", "short_name", "url");
  private static final Set<String> MODES = Set.of("proxy_pass", "redirect_permanent", "redirect_temporary");
  private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final int MINIMUM_LENGTH = 6;

  private final String token = Codes.uuid().toString();
  private final String username = "partner_" + Codes.random(Codes.HEX, 8);
  private final String password = Codes.random(Codes.ALPHANUMERIC, 24);
  private final UUID partnerSid = Codes.uuid();
  private final UUID domainSid = Codes.uuid();
  private final Map<UUID, CarrierxLink> links = new LinkedHashMap<>();
  private long sequence;

  /** A backend with no links, stamping times with {@code clock}, serving short links under {@code serverRoot}. */
  public CarrierxBackend(MutableClock clock, String serverRoot) {
    super(clock, serverRoot);
  }

  @Override
  public String providerId() {
    return "carrierx";
  }

  @Override
  public String apiKey() {
    return token;
  }

  /** The user name HTTP Basic authentication accepts. */
  public String username() {
    return username;
  }

  /** The password HTTP Basic authentication accepts. */
  public String password() {
    return password;
  }

  /** The secure id of the emulator's one domain. */
  public String domainSid() {
    return domainSid.toString();
  }

  @Override
  public Map<String, String> clientConfig() {
    Map<String, String> config = super.clientConfig();
    config.put("defaultDomainSid", domainSid.toString());
    return config;
  }

  @Override
  protected String basePath() {
    return "/core/v2";
  }

  @Override
  protected List<String> apiPrefix() {
    return List.of("core", "v2");
  }

  @Override
  protected void clearState() {
    links.clear();
    sequence = 0;
  }

  @Override
  protected List<Map<String, Object>> renderLinks() {
    return links.values().stream().map(this::render).collect(Collectors.toList());
  }

  @Override
  protected EmulatorResponse api(EmulatorRequest request, List<String> path) {
    String auth = request.header("Authorization");
    if (auth == null) {
      return error(401, "Unauthorized", List.of());
    }
    if (!authenticated(auth)) {
      return error(401, "Bad credentials", List.of());
    }
    WindowLimiter.Decision decision = burst.acquire();
    if (!decision.allowed()) {
      return error(429, "Too Many Requests", List.of())
          .header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }
    if (request.hasBody() && !request.mediaType().equals("application/json")) {
      return error(415, "Unsupported Media Type", List.of());
    }
    if (path.size() < 2 || path.size() > 3 || !path.get(0).equals("shortener")) {
      return error(404, "Not Found", List.of());
    }
    String method = request.method();
    if (path.get(1).equals("domains")) {
      if (!method.equals("GET") && !method.equals("HEAD")) {
        return methodNotAllowed("GET");
      }
      if (path.size() == 2) {
        return EmulatorResponse.json(200, listBody(List.of(domain()), 1, 10, 0));
      }
      return Values.uuid(path.get(2)).filter(domainSid::equals).isPresent()
          ? EmulatorResponse.json(200, domain())
          : cannotFind();
    }
    if (!path.get(1).equals("links")) {
      return error(404, "Not Found", List.of());
    }
    if (path.size() == 2) {
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
    if (!List.of("GET", "HEAD", "PATCH", "PUT", "DELETE").contains(method)) {
      return methodNotAllowed("GET, PATCH, PUT, DELETE");
    }
    Optional<CarrierxLink> link = Values.uuid(path.get(2)).map(links::get);
    if (link.isEmpty()) {
      return cannotFind();
    }
    switch (method) {
      case "PATCH":
        return update(request, link.get(), false);
      case "PUT":
        return update(request, link.get(), true);
      case "DELETE":
        links.remove(link.get().sid);
        return EmulatorResponse.empty(204);
      default:
        return EmulatorResponse.json(200, render(link.get()));
    }
  }

  private boolean authenticated(String auth) {
    if (auth.equals("Bearer " + token)) {
      return true;
    }
    if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
        return decoded.equals(username + ":" + password);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  private EmulatorResponse create(EmulatorRequest request) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "No JSON object could be decoded", List.of());
    }
    Map<String, Object> body = parsed.get();
    List<Map<String, Object>> problems = new ArrayList<>();
    Object destination = body.get("destination_url");
    if (destination == null) {
      problems.add(fieldError("destination_url", "field is required"));
    } else if (!(destination instanceof String) || !Values.isHttpUrl((String) destination)) {
      problems.add(fieldError("destination_url", "must be an absolute http or https URL"));
    }
    Object domain = body.get("domain_sid");
    if (domain == null) {
      problems.add(fieldError("domain_sid", "field is required"));
    } else if (!(domain instanceof String) || !Values.uuid((String) domain).filter(domainSid::equals).isPresent()) {
      problems.add(fieldError("domain_sid", "Cannot find item by SID"));
    }
    Object shortName = body.get("short_name");
    boolean generate = shortName == null || "".equals(shortName);
    if (!generate) {
      checkShortName(shortName, problems);
    }
    checkMode(body, problems);
    checkTtl(body, problems);
    if (!problems.isEmpty()) {
      return error(422, "Object validation error", problems);
    }
    if ("true".equalsIgnoreCase(request.query("reuse").orElse("false"))) {
      Optional<CarrierxLink> existing = links.values().stream()
          .filter(l -> l.destinationUrl.equals(destination))
          .filter(l -> generate || l.shortName.equals(shortName))
          .findFirst();
      if (existing.isPresent()) {
        return EmulatorResponse.json(200, render(existing.get()));
      }
    }
    if (!generate && shortNameTaken((String) shortName, null)) {
      return conflict();
    }
    CarrierxLink link = new CarrierxLink(Codes.uuid(), domainSid, ++sequence, Times.toMillis(clock.instant()));
    link.destinationUrl = (String) destination;
    link.shortName = generate ? Codes.uniqueCode(MINIMUM_LENGTH, n -> shortNameTaken(n, null)) : (String) shortName;
    applyModeAndTtl(link, body);
    links.put(link.sid, link);
    return EmulatorResponse.json(200, render(link));
  }

  private EmulatorResponse update(EmulatorRequest request, CarrierxLink link, boolean whole) {
    Optional<Map<String, Object>> parsed = Json.parseObject(request.bodyText());
    if (parsed.isEmpty()) {
      return error(400, "No JSON object could be decoded", List.of());
    }
    Map<String, Object> body = parsed.get();
    List<Map<String, Object>> problems = new ArrayList<>();
    if (whole) {
      for (String field : FIELDS) {
        if (!body.containsKey(field)) {
          problems.add(fieldError(field, "field is required"));
        }
      }
    }
    if (body.containsKey("destination_url")) {
      Object destination = body.get("destination_url");
      if (!(destination instanceof String) || !Values.isHttpUrl((String) destination)) {
        problems.add(fieldError("destination_url", "must be an absolute http or https URL"));
      }
    }
    if (body.containsKey("short_name")) {
      checkShortName(body.get("short_name"), problems);
    }
    if (body.containsKey("mode") && body.get("mode") == null) {
      problems.add(fieldError("mode", "must be one of proxy_pass, redirect_permanent, redirect_temporary"));
    }
    checkMode(body, problems);
    if (body.containsKey("maximum_ttl") && body.get("maximum_ttl") == null) {
      problems.add(fieldError("maximum_ttl", "must be a whole number of seconds, -1 or more"));
    }
    checkTtl(body, problems);
    if (!problems.isEmpty()) {
      return error(422, "Object validation error", problems);
    }
    if (body.containsKey("short_name") && shortNameTaken((String) body.get("short_name"), link)) {
      return conflict();
    }
    if (body.containsKey("destination_url")) {
      link.destinationUrl = (String) body.get("destination_url");
    }
    if (body.containsKey("short_name")) {
      link.shortName = (String) body.get("short_name");
    }
    applyModeAndTtl(link, body);
    return EmulatorResponse.json(200, render(link));
  }

  private EmulatorResponse list(EmulatorRequest request) {
    List<Map<String, Object>> problems = new ArrayList<>();
    long limit = queryNumber(request, "limit", 10, 0, 1000, problems);
    long offset = queryNumber(request, "offset", 0, 0, Integer.MAX_VALUE, problems);
    Predicate<Map<String, Object>> filter = o -> true;
    Optional<String> filterText = request.query("filter").filter(f -> !f.isBlank());
    if (filterText.isPresent()) {
      try {
        filter = CarrierxFilter.parse(filterText.get());
      } catch (IllegalArgumentException e) {
        problems.add(fieldError("filter", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      return error(400, "Bad Request", problems);
    }
    List<Map<String, Object>> matching = links.values().stream()
        .sorted(Comparator.comparing((CarrierxLink l) -> l.createdAt).thenComparingLong(l -> l.sequence))
        .map(this::render)
        .filter(filter)
        .collect(Collectors.toList());
    List<Map<String, Object>> items = matching.stream().skip(offset).limit(limit).collect(Collectors.toList());
    return EmulatorResponse.json(200, listBody(items, matching.size(), limit, offset));
  }

  private static Map<String, Object> listBody(List<Map<String, Object>> items, long total, long limit, long offset) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", items.size());
    body.put("has_more", offset + items.size() < total);
    body.put("items", items);
    body.put("limit", limit);
    body.put("offset", offset);
    body.put("pagination", Map.of());
    body.put("total", total);
    return body;
  }

  @Override
  protected EmulatorResponse shortLink(String code) {
    Optional<CarrierxLink> found = links.values().stream().filter(l -> l.shortName.equals(code)).findFirst();
    if (found.isEmpty()) {
      return notFoundPage();
    }
    CarrierxLink link = found.get();
    Instant now = clock.instant();
    if (link.expired(now)) {
      return gonePage("This link has expired.");
    }
    link.hits++;
    link.accessedAt = Times.toMillis(now);
    switch (link.mode) {
      case "proxy_pass":
        return EmulatorResponse.text(200, "text/html; charset=utf-8",
            Html.page("Proxied", "The emulator proxied this link to " + link.destinationUrl + "."));
      case "redirect_permanent":
        return EmulatorResponse.redirect(301, link.destinationUrl);
      default:
        return EmulatorResponse.redirect(302, link.destinationUrl);
    }
  }

  private Map<String, Object> render(CarrierxLink link) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("date_accessed", Times.millis(link.accessedAt));
    out.put("date_created", Times.millis(link.createdAt));
    out.put("destination_url", link.destinationUrl);
    out.put("domain_sid", link.domainSid.toString());
    out.put("hits", link.hits);
    out.put("link_sid", link.sid.toString());
    out.put("maximum_ttl", link.maximumTtl);
    out.put("mode", link.mode);
    out.put("partner_sid", partnerSid.toString());
    out.put("short_name", link.shortName);
    out.put("url", shortUrl(link.shortName));
    return out;
  }

  private Map<String, Object> domain() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("domain_name", serverRoot.substring(serverRoot.indexOf("://") + 3));
    out.put("domain_sid", domainSid.toString());
    out.put("expired_mode", "proxy_pass");
    out.put("expired_page", "This link has expired.");
    out.put("expired_status_code", 410);
    out.put("minimum_length", MINIMUM_LENGTH);
    out.put("not_found_mode", "proxy_pass");
    out.put("not_found_page", "No link here.");
    out.put("not_found_status_code", 404);
    out.put("partner_sid", partnerSid.toString());
    out.put("scope", "children");
    out.put("secure", "disabled");
    out.put("suffix_pattern", null);
    return out;
  }

  private static void checkShortName(Object shortName, List<Map<String, Object>> problems) {
    if (!(shortName instanceof String) || !SHORT_NAME.matcher((String) shortName).matches()) {
      problems.add(fieldError("short_name", "must be 1 to 128 letters, digits, hyphens or underscores"));
    }
  }

  private static void checkMode(Map<String, Object> body, List<Map<String, Object>> problems) {
    Object mode = body.get("mode");
    if (mode != null && !MODES.contains(mode)) {
      problems.add(fieldError("mode", "must be one of proxy_pass, redirect_permanent, redirect_temporary"));
    }
  }

  private static void checkTtl(Map<String, Object> body, List<Map<String, Object>> problems) {
    Object ttl = body.get("maximum_ttl");
    if (ttl != null) {
      OptionalLong seconds = Values.wholeNumber(ttl);
      if (seconds.isEmpty() || seconds.getAsLong() < -1) {
        problems.add(fieldError("maximum_ttl", "must be a whole number of seconds, -1 or more"));
      }
    }
  }

  private static void applyModeAndTtl(CarrierxLink link, Map<String, Object> body) {
    if (body.get("mode") != null) {
      link.mode = (String) body.get("mode");
    }
    if (body.get("maximum_ttl") != null) {
      link.maximumTtl = Values.wholeNumber(body.get("maximum_ttl")).getAsLong();
    }
  }

  private boolean shortNameTaken(String shortName, CarrierxLink except) {
    return links.values().stream().anyMatch(l -> l != except && l.shortName.equals(shortName));
  }

  private static long queryNumber(
      EmulatorRequest request, String name, long fallback, long min, long max, List<Map<String, Object>> problems) {
    Optional<String> text = request.query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    OptionalLong value = Values.wholeNumber(text.get());
    if (value.isEmpty() || value.getAsLong() < min || value.getAsLong() > max) {
      problems.add(fieldError(name, "must be a whole number from " + min + " to " + max));
      return fallback;
    }
    return value.getAsLong();
  }

  private static Map<String, Object> fieldError(String field, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    return error;
  }

  private static EmulatorResponse cannotFind() {
    return error(404, "Cannot find item by SID", List.of());
  }

  private static EmulatorResponse conflict() {
    return error(409, "Conflict", List.of(fieldError("short_name", "already exists in this domain")));
  }

  private static EmulatorResponse methodNotAllowed(String allowed) {
    return error(405, "Method Not Allowed", List.of()).header("Allow", allowed);
  }

  private static EmulatorResponse error(int status, String message, List<Map<String, Object>> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("errors", errors);
    return EmulatorResponse.json(status, body);
  }
}
