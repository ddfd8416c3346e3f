package dev.polylink.testkit;

import dev.polylink.testkit.internal.CarrierxBackend;
import dev.polylink.testkit.internal.EmulatorServer;
import java.time.Duration;
import java.util.Objects;

/**
 * The CarrierX shortener emulator. What the documentation says, it does; where it is silent, it
 * does this:
 *
 * <ul>
 *   <li>Authentication is {@code Bearer <apiKey()>} (a UUID, like the documentation's tokens) or
 *       HTTP Basic with {@link #username()} and {@link #password()}. Without credentials: 401
 *       {@code "Unauthorized"}; with wrong ones: 401 {@code "Bad credentials"}.
 *   <li>Error bodies are {@code {"message": ..., "errors": [{"field": ..., "message": ...}]}} with
 *       the documented messages ({@code "Cannot find item by SID"}, {@code "Object validation
 *       error"}, {@code "No JSON object could be decoded"}, {@code "Unsupported Media Type"}, ...);
 *       the documentation does not show the shape.
 *   <li>A request with a body whose {@code Content-Type} is not {@code application/json} answers
 *       415; a body that is not a JSON object answers 400.
 *   <li>The partner has one domain ({@link #defaultDomainSid()}, served by the emulator itself,
 *       readable at {@code GET /shortener/domains}). Create needs {@code destination_url} (an http(s)
 *       URL) and {@code domain_sid}; a missing one or an unknown domain answers 422. An empty {@code
 *       short_name} is generated (6 letters and digits, the domain's minimum length); a taken one
 *       answers 409. {@code reuse=true} returns the existing link with the same destination (and
 *       short name, when one is given) instead of creating one.
 *   <li>{@code PATCH} changes {@code destination_url}, {@code maximum_ttl}, {@code mode} and {@code
 *       short_name}; {@code PUT} must carry all eleven fields of the link object (a missing one is a
 *       422) and changes the same four. Read-only fields ({@code date_accessed}, {@code
 *       date_created}, {@code domain_sid}, {@code hits}, {@code link_sid}, {@code partner_sid},
 *       {@code url}) are ignored in both, whatever their values, as are unknown fields.
 *   <li>The list is oldest first; {@code limit} is 0 to 1000 (default 10), and {@code filter}
 *       understands {@code <field> eq|ne|gt|ge|lt|le|like|ilike <value>} joined by {@code and};
 *       {@code pagination} is always {@code {}}. Delete is hard (204).
 *   <li>An unknown or malformed sid answers 404 {@code "Cannot find item by SID"}.
 *   <li>Short links answer per {@code mode}: 302 ({@code redirect_temporary}), 301 ({@code
 *       redirect_permanent}), or 200 with a page saying it proxied the destination ({@code
 *       proxy_pass}), each counting a hit and setting {@code date_accessed}; once {@code
 *       date_created + maximum_ttl} seconds have passed ({@code maximum_ttl >= 0}) the link answers
 *       410, and its API object stays readable.
 *   <li>With {@link #rateLimit} on, a call past the limit answers 429 {@code "Too Many Requests"}
 *       with {@code Retry-After} (CarrierX documents no rate limit, so no other headers are sent).
 * </ul>
 */
public final class CarrierxEmulator extends ProviderEmulator {
  private CarrierxEmulator(MutableClock clock, EmulatorServer server) {
    super(clock, server);
  }

  /**
   * Starts a CarrierX emulator on a free loopback port.
   *
   * @return the running emulator; close it when done
   */
  public static CarrierxEmulator start() {
    MutableClock clock = new MutableClock();
    return new CarrierxEmulator(clock, EmulatorServer.start(clock, CarrierxBackend::new));
  }

  /**
   * Starts one whose server closes a connection idle for {@code idleTimeout}, as a Node.js server
   * does after 5 s: see {@link ProviderEmulator#start(String, Duration)}.
   *
   * @param idleTimeout how long a connection may stay idle before the server closes it
   * @return the running emulator
   */
  public static CarrierxEmulator start(Duration idleTimeout) {
    MutableClock clock = new MutableClock();
    return new CarrierxEmulator(clock, EmulatorServer.start(clock, CarrierxBackend::new, Objects.requireNonNull(idleTimeout, "idleTimeout")));
  }

  /** {@return the user name HTTP Basic authentication accepts} */
  public String username() {
    return carrierX().username();
  }

  /** {@return the password HTTP Basic authentication accepts} */
  public String password() {
    return carrierX().password();
  }

  /** {@return the secure id of the emulator's domain: what {@code domain_sid} must be} */
  public String defaultDomainSid() {
    return carrierX().domainSid();
  }

  private CarrierxBackend carrierX() {
    return (CarrierxBackend) backend();
  }
}
