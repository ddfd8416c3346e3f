package dev.polylink.testkit;

import dev.polylink.testkit.internal.EmulatorServer;
import dev.polylink.testkit.internal.ShortpenBackend;
import java.time.Duration;
import java.util.Objects;

/**
 * The ShortPen emulator. What the documentation says, it does; where it is silent, it does this:
 *
 * <ul>
 *   <li>The API key is 48 random letters and digits (ShortPen documents no format); any other
 *       {@code Authorization} gets 401 {@code {"success":false,"status_code":401,"message":"Unauthenticated."}}.
 *       {@code GET /v1/ping} answers {@code PONG} without a key.
 *   <li>The account has one organization ({@value ShortpenBackend#ORGANIZATION_ID}), one workspace
 *       ({@value ShortpenBackend#WORKSPACE_ID}), one active, default domain ({@link
 *       #defaultDomainId()}, served by the emulator itself), one folder ({@value
 *       ShortpenBackend#FOLDER_ID}) and one pixel ({@value ShortpenBackend#PIXEL_ID}), all listed by
 *       {@code POST /v1/get}; any other id in a request is a 400. Link ids are integers from {@value
 *       ShortpenBackend#FIRST_LINK_ID} up, never reused.
 *   <li>Validation failures answer 400 (as the documentation's edit page says), with Laravel-style
 *       messages such as {@code "The url field is required."}. Integer and boolean fields accept
 *       what Laravel's rules accept ({@code 501} or {@code "501"}; {@code true}, {@code 1}, {@code "1"}).
 *   <li>{@code custom_slug} is 1 to 100 letters, digits, hyphens or underscores, not a reserved word
 *       ({@code v1}, {@code api}, {@code admin}, ...), and unique among live links (400 {@code "The
 *       custom slug has already been taken."}); generated slugs are 6 letters and digits.
 *   <li>Edit ({@code PUT} or {@code PATCH /v1/links}, or {@code POST /v1/generate} with a {@code
 *       url_id}) needs {@code url_id} and at least one other documented field present, whatever its
 *       value (400 otherwise); an unknown or deleted {@code url_id} is a 404. {@code with_password:
 *       false} removes the password, {@code title: null} clears the title, {@code param: null} the
 *       parameters.
 *   <li>The list is newest first, items shaped like the documented list item (no {@code
 *       source_id}); {@code page} past the end gives an empty page; {@code limit} outside 1 to 100
 *       is a 400 rather than clamped. Timestamps use Laravel's format {@code
 *       2025-06-20T10:00:00.000000Z}.
 *   <li>Delete is soft: the link leaves the list, {@link #links()} and its short link (404), and
 *       its slug is free again; deleting it again is a 404.
 *   <li>Short links redirect with the link's {@code redirect_type} (301 by default) to {@code url}
 *       plus {@code param} as query parameters; a cloaked link answers 200 with a page framing the
 *       destination; a password-protected link answers 401.
 *   <li>With {@link #rateLimit} on, a call past the limit answers 429 {@code "Too Many Attempts."}
 *       with {@code Retry-After} (ShortPen documents no rate-limit headers, so none are sent). A
 *       429 without {@code Retry-After} is the monthly feature quota: see {@link
 *       #featureQuotaExhausted(boolean)}.
 * </ul>
 */
public final class ShortpenEmulator extends ProviderEmulator {
  private ShortpenEmulator(MutableClock clock, EmulatorServer server) {
    super(clock, server);
  }

  /**
   * Starts a ShortPen emulator on a free loopback port.
   *
   * @return the running emulator; close it when done
   */
  public static ShortpenEmulator start() {
    MutableClock clock = new MutableClock();
    return new ShortpenEmulator(clock, EmulatorServer.start(clock, ShortpenBackend::new));
  }

  /**
   * Starts one whose server closes a connection idle for {@code idleTimeout}, as a Node.js server
   * does after 5 s: see {@link ProviderEmulator#start(String, Duration)}.
   *
   * @param idleTimeout how long a connection may stay idle before the server closes it
   * @return the running emulator
   */
  public static ShortpenEmulator start(Duration idleTimeout) {
    MutableClock clock = new MutableClock();
    return new ShortpenEmulator(clock, EmulatorServer.start(clock, ShortpenBackend::new, Objects.requireNonNull(idleTimeout, "idleTimeout")));
  }

  /** {@return the id of the emulator's domain: what {@code domain_id} must be} */
  public long defaultDomainId() {
    return ShortpenBackend.DOMAIN_ID;
  }

  /**
   * While {@code true}, creating a link answers 429 without {@code Retry-After}, as ShortPen does
   * once a monthly feature quota (links, QR codes, custom slugs) is used up. {@link #reset()} sets
   * it back to {@code false}.
   *
   * @param exhausted whether a quota (not a short burst window) is used up
   */
  public void featureQuotaExhausted(boolean exhausted) {
    ((ShortpenBackend) backend()).featureQuotaExhausted(exhausted);
  }
}
