package dev.polylink.testkit;

import dev.polylink.testkit.internal.EmulatorServer;
import dev.polylink.testkit.internal.XqrBackend;
import java.time.Duration;
import java.util.Objects;

/**
 * The xQR emulator. What the documentation says, it does; where it is silent, it does this:
 *
 * <ul>
 *   <li>The API key has the documented shape {@code xqr_pk_<8 hex>.<64 URL-safe characters>}; any
 *       other {@code Authorization} gets 401 {@code INVALID_API_KEY}.
 *   <li>Validation failures (a missing or non-http(s) {@code url}, a {@code custom_slug} that is
 *       not 3 to 64 letters, digits or hyphens, more than 10 labels, a routing rule without an
 *       http(s) {@code destination}, an unreadable {@code expires_at}, an unknown list parameter
 *       value) answer 400 with code {@code VALIDATION_ERROR}; an unknown or malformed link id
 *       answers 404 with code {@code NOT_FOUND} (the documentation names neither code).
 *   <li>Timestamps have whole-second precision, as in every documented example: a fractional
 *       {@code expires_at} is truncated to the second when stored, so the link expires at the
 *       instant its object shows.
 *   <li>Slugs are compared case-sensitively; a deleted link's slug is free again.
 *   <li>{@code PATCH} accepts only {@code url}, {@code labels}, {@code enabled} and {@code
 *       routing_rules}; any other field, {@code expires_at} and {@code custom_slug} included, is a
 *       400 {@code VALIDATION_ERROR}, and so is {@code null} for any of the four. An empty patch
 *       changes nothing and keeps {@code updated_at}.
 *   <li>The list is newest first; {@code label} matches one label exactly.
 *   <li>Short links redirect with 302 (the documentation does not say which status): each visit
 *       counts a scan and sets {@code last_scan_at}. Routing rules are stored and echoed but not
 *       evaluated: the redirect always goes to the link's {@code destination}. A disabled link or
 *       one whose {@code expires_at} has passed answers 410; its API object stays readable.
 *   <li>Every API response carries {@code X-RateLimit-Limit}/{@code X-RateLimit-Remaining} for the
 *       monthly quota ({@value XqrBackend#DEFAULT_MONTHLY_QUOTA} calls per calendar month in UTC by
 *       default; see {@link #monthlyQuota(long)}), and {@code meta.rate_limit} is {@code {limit,
 *       remaining, reset}} with {@code reset} the start of next month in Unix seconds. Once the quota
 *       is used up every call answers 429 {@code RATE_LIMIT_EXCEEDED} without {@code Retry-After}.
 *   <li>With {@link #rateLimit} on, every response also carries {@code X-RateLimit-Burst-Limit} and
 *       {@code X-RateLimit-Burst-Remaining}, and a call past the limit answers 429 {@code
 *       BURST_LIMIT_EXCEEDED} with {@code Retry-After}. Rejected calls do not use the quota.
 *   <li>Bulk create ({@code POST /v1/links/bulk}, {@code {"links": [...]}}, 1 to 100 links, else
 *       400 {@code VALIDATION_ERROR}) creates each link as a single create would, in order, and is
 *       not transactional: it answers 201 {@code {"data": {"created": [<link>...], "errors":
 *       [{"index", "custom_slug", "code", "message", "status"}...]}}} (a taken slug, also one taken
 *       earlier in the same request, is a {@code SLUG_TAKEN} error item; xQR shows no shape for
 *       these items). Bulk status ({@code PATCH /v1/links/bulk/status}, {@code {"ids": [...],
 *       "enabled": bool}}, 1 to 200 UUIDs, else 400) sets each matching link and answers 200
 *       {@code {"data": {"updated": n}}}, ids matching no link skipped. Either one counts as one
 *       call of the monthly quota and one burst token, as xQR documents.
 *   <li>QR images, link statistics (under both documented paths), the analytics summary and the
 *       workspace usage: see {@code dev.polylink.testkit.internal.XqrFeatures}. Statistics are
 *       computed from the clicks the emulator served; a deleted link's clicks go with it.
 * </ul>
 */
public final class XqrEmulator extends ProviderEmulator {
  private XqrEmulator(MutableClock clock, EmulatorServer server) {
    super(clock, server);
  }

  /**
   * Starts an xQR emulator on a free loopback port.
   *
   * @return the running emulator; close it when done
   */
  public static XqrEmulator start() {
    MutableClock clock = new MutableClock();
    return new XqrEmulator(clock, EmulatorServer.start(clock, XqrBackend::new));
  }

  /**
   * Starts one whose server closes a connection idle for {@code idleTimeout}, as a Node.js server
   * does after 5 s: see {@link ProviderEmulator#start(String, Duration)}.
   *
   * @param idleTimeout how long a connection may stay idle before the server closes it
   * @return the running emulator
   */
  public static XqrEmulator start(Duration idleTimeout) {
    MutableClock clock = new MutableClock();
    return new XqrEmulator(clock, EmulatorServer.start(clock, XqrBackend::new, Objects.requireNonNull(idleTimeout, "idleTimeout")));
  }

  /**
   * Sets the workspace's monthly quota: API calls per calendar month (UTC) before every call
   * answers 429 {@code RATE_LIMIT_EXCEEDED}. {@link #reset()} restores the default, {@value
   * XqrBackend#DEFAULT_MONTHLY_QUOTA}.
   *
   * @param calls the number of calls
   */
  public void monthlyQuota(long calls) {
    ((XqrBackend) backend()).monthlyQuota(calls);
  }

  /**
   * Switches one of the plan's feature flags that {@code GET /v1/workspace/usage} reports ({@code
   * routing_rules}, {@code csv_export}, {@code bulk_ops}, or any other name); with {@code
   * routing_rules} off, a create or update with routing rules answers 403 {@code
   * FEATURE_NOT_AVAILABLE}. {@link #reset()} switches every flag back on.
   * @param name the name
   * @param enabled the enabled
   */
  public void planFeature(String name, boolean enabled) {
    ((XqrBackend) backend()).planFeature(name, enabled);
  }

  /**
   * Sets the plan name the usage endpoint reports ({@code enterprise} until reset).
   * @param name the name
   */
  public void plan(String name) {
    ((XqrBackend) backend()).plan(name);
  }
}
