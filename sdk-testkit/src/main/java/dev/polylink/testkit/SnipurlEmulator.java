package dev.polylink.testkit;

import dev.polylink.testkit.internal.EmulatorServer;
import dev.polylink.testkit.internal.SnipurlBackend;
import java.time.Duration;
import java.util.Objects;

/**
 * The SnipURL emulator. What the documentation (and the service's public source) says, it does;
 * where they are silent, it does this:
 *
 * <ul>
 *   <li>The API key has the documented shape {@code snip_live_<32 letters and digits>}; a missing
 *       or malformed {@code Authorization} and an unknown key get 401 {@code UNAUTHORIZED}.
 *   <li>Create validates as the service does: {@code url} an http(s) URL of at most 2,048
 *       characters, {@code expires_at} an ISO 8601 date-time with an offset, {@code custom_alias} 3
 *       to 50 letters, digits or hyphens, not starting or ending with a hyphen and not a reserved
 *       word; failures answer 400 {@code VALIDATION_ERROR} with zod's {@code format()} tree in
 *       {@code details}; a taken alias answers 409 {@code CONFLICT}. A missing title becomes the URL
 *       (the service would fetch the page's title; the emulator never goes online). Generated codes
 *       are 6 letters and digits. A body that is not a JSON object answers 400 {@code BAD_REQUEST}.
 *   <li>{@code PATCH} with {@code url}, {@code original_url} or {@code short_code} answers 400
 *       {@code BAD_REQUEST} before anything else; {@code title: null} is a {@code VALIDATION_ERROR}
 *       (the title can be changed, not removed); {@code password: ""} is ignored. Get includes
 *       {@code analytics_shared_fields}; create, update and list items do not.
 *   <li>A title longer than 255 characters (given on create, or on update) answers 500 with an
 *       empty body, as the service does (its database column holds 255); the URL that stands in
 *       for a missing title is not limited.
 *   <li>An unknown or malformed id answers 404 {@code NOT_FOUND}. Delete is hard and frees the code.
 *       Bulk delete checks every id with zod 4's {@code uuid()}, as the service does: an id that is
 *       UUID-shaped but has version digit 0 (or a variant other than 8, 9, a, b), other than the nil
 *       and max UUIDs, fails the whole request with 400 {@code VALIDATION_ERROR}.
 *   <li>Bulk create, {@code POST /api/v1/links/bulk} with {@code {"links": [...]}}, as the
 *       service's bulk route does it: the body is checked as a whole first (1 to 50 items, each with
 *       the single create's field rules; any failure is one 400 {@code VALIDATION_ERROR}, with zod's
 *       tree under {@code links.<index>}, and nothing is created), then the account's link limit for
 *       the whole batch (403 {@code FORBIDDEN}, nothing created), then each item alone, in order. An
 *       invalid alias (its reason), a taken one ({@code "Alias already taken"}, also when an earlier
 *       item of the same batch took it) or a title over 255 characters ({@code "Internal error
 *       creating link"}) fails that item only, as {@code {index, error}} in {@code failed}; the
 *       others are created and listed in {@code success} as {@code {id, short_code, short_url,
 *       original_url, title, created_at}} (shorter than a link object). Not transactional; 201 even
 *       when every item failed. One bulk request counts as one request of the rate limit.
 *   <li>A single create answers 403 {@code FORBIDDEN} once the account holds {@link
 *       #linkLimit(long) link_limit} links (1,000 by default).
 *   <li>With an account default expiry ({@link #defaultExpiryHours(Integer)}), a link created
 *       without {@code expires_at} (absent or null), singly or in bulk, expires that many hours after
 *       its creation; {@code GET /api/v1/account} reports the setting.
 *   <li>Short links, as the service's redirect route answers them: 302 to the destination, counting
 *       a click; a deactivated or expired link answers <b>200</b> with an HTML page saying so; a
 *       password-protected one redirects (307) to {@code /<code>/challenge}, which serves a password
 *       page; an unknown or deleted code redirects (307) to {@code /not-found}, which is a 404 page.
 *       (The other emulators answer 410, 401 and 404 there.)
 *   <li>With {@link #rateLimit} on, every authenticated response carries {@code X-RateLimit-Limit},
 *       {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (Unix seconds), and a call past
 *       the limit answers 429 {@code RATE_LIMIT_EXCEEDED} with {@code details{limit, window,
 *       retry_after}} and {@code Retry-After}; {@code window} names the window ({@code 1m}, {@code
 *       1h}, or seconds such as {@code 30s}). With it off, no rate-limit headers are sent.
 *   <li>{@link #rateLimits(int, int)} switches on the service's two per-key windows at once, a
 *       minute and an hour, counted as its middleware counts them (see there).
 * </ul>
 */
public final class SnipurlEmulator extends ProviderEmulator {
  private SnipurlEmulator(MutableClock clock, EmulatorServer server) {
    super(clock, server);
  }

  /**
   * Starts a SnipURL emulator on a free loopback port.
   *
   * @return the running emulator; close it when done
   */
  public static SnipurlEmulator start() {
    MutableClock clock = new MutableClock();
    return new SnipurlEmulator(clock, EmulatorServer.start(clock, SnipurlBackend::new));
  }

  /**
   * Starts one whose server closes a connection idle for {@code idleTimeout}, as a Node.js server
   * does after 5 s: see {@link ProviderEmulator#start(String, Duration)}.
   *
   * @param idleTimeout how long a connection may stay idle before the server closes it
   * @return the running emulator
   */
  public static SnipurlEmulator start(Duration idleTimeout) {
    MutableClock clock = new MutableClock();
    return new SnipurlEmulator(clock, EmulatorServer.start(clock, SnipurlBackend::new, Objects.requireNonNull(idleTimeout, "idleTimeout")));
  }

  /**
   * Sets the account's {@code link_limit}: a single create answers 403 {@code FORBIDDEN} once the
   * account holds that many links, a bulk create when its items would pass it. {@link #reset()}
   * restores the default, 1,000.
   *
   * @param links how many links the account may hold, 0 or more
   * @throws IllegalArgumentException for a negative number
   */
  public void linkLimit(long links) {
    ((SnipurlBackend) backend()).linkLimit(links);
  }

  /**
   * Sets the account's {@code default_expiry_hours}: a link created without {@code expires_at}
   * (absent or {@code null}) then expires that many hours after its creation, as on the service,
   * where an explicit {@code null} cannot opt out (a later PATCH with {@code expires_at: null}
   * clears it). {@code null} removes the default; {@link #reset()} too.
   *
   * @param hours the hours, positive; or null for no default expiry
   * @throws IllegalArgumentException for zero or a negative number
   */
  public void defaultExpiryHours(Integer hours) {
    ((SnipurlBackend) backend()).defaultExpiryHours(hours);
  }

  /**
   * Switches on both of the service's per-key limits at once, {@code perMinute} API requests a
   * minute and {@code perHour} an hour (on the service the key's {@code rate_limit_per_minute} and
   * {@code rate_limit_per_hour}, 60 and 1,000 by default), counted as its middleware counts them:
   *
   * <ul>
   *   <li>Both windows open with the first request; a window that has lasted its length (one minute,
   *       one hour) is restarted by the next request, before anything is checked. Windows are
   *       measured on {@link #clock()}.
   *   <li>The minute limit is checked first, then the hour limit. A refused request counts in
   *       neither window; an answered one in both (a bulk request once, short-link visits not).
   *   <li>An answered request's {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}
   *       describe the minute window, even when the hour window has less room left.
   *   <li>A refused request answers 429 {@code RATE_LIMIT_EXCEEDED} with {@code details{limit,
   *       window, retry_after}} and the headers of the window that refused it: {@code window} is
   *       {@code 1m} or {@code 1h}, {@code X-RateLimit-Remaining} 0, {@code X-RateLimit-Reset} that
   *       window's end in Unix seconds rounded up, and {@code Retry-After} = {@code retry_after} =
   *       that reset minus the current Unix second rounded down, at least 1 (so up to 61 for the
   *       minute window, as on the service).
   *   <li>{@code GET /api/v1/account/usage} reports the two numbers.
   * </ul>
   *
   * <p>This replaces the one window of {@link #rateLimit(int, Duration)}; calling that, {@link
   * #rateLimitOff()} or {@link #reset()} switches both windows off.
   *
   * @param perMinute requests answered per minute, at least 1
   * @param perHour requests answered per hour, at least 1
   * @throws IllegalArgumentException for a number below 1
   */
  public void rateLimits(int perMinute, int perHour) {
    ((SnipurlBackend) backend()).rateLimits(perMinute, perHour);
  }
}
