package dev.polylink.testkit;

import dev.polylink.core.LinkClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs one {@link ProviderEmulator} for a test class and resets it before
 * each test.
 *
 * <pre>{@code
 * class MyServiceTest {
 *   @RegisterExtension
 *   static EmulatorExtension xqr = EmulatorExtension.of("xqr");
 *
 *   @Test
 *   void createsALink() {
 *     new MyService(xqr.client()).shorten("https://example.com");
 *     assertEquals(1, xqr.emulator().links().size());
 *   }
 * }
 * }</pre>
 *
 * <p>Registered on a {@code static} field, the emulator starts before all tests and stops after
 * them, and {@link ProviderEmulator#reset()} runs before each test, so every test starts with no
 * links, no rate limit, the clock following the system clock and an empty request journal (the
 * port and API key stay the same). {@code @Nested} classes share the enclosing class's emulator: it
 * stops after the outermost class's tests. Registered on an instance field, it starts before each
 * test and stops after it.
 */
public final class EmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  private final String providerId;
  private java.time.Duration idleTimeout;
  private ProviderEmulator emulator;
  private LinkClient client;
  private boolean perTest;
  /** Test classes running with the class-wide emulator: the outer one and any {@code @Nested} ones. */
  private int classes;

  private EmulatorExtension(String providerId) {
    this.providerId = providerId;
  }

  /**
   * {@return an extension for {@code providerId}: {@code "xqr"}, {@code "shortpen"}, {@code
   * "snipurl"} or {@code "carrierx"}}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @throws IllegalArgumentException for any other id
   */
  public static EmulatorExtension of(String providerId) {
    if (!ProviderEmulator.providerIds().contains(providerId)) {
      throw new IllegalArgumentException("unknown provider id '" + providerId + "' (known: "
          + String.join(", ", ProviderEmulator.providerIds()) + ")");
    }
    return new EmulatorExtension(providerId);
  }

  /**
   * Makes the emulator's server close every connection idle for {@code idleTimeout}, as a Node.js
   * server does after 5 s: see {@link ProviderEmulator#start(String, java.time.Duration)}.
   *
   * @param idleTimeout how long a connection may stay idle before the server closes it
   * @return this extension
   */
  public EmulatorExtension closingIdleConnectionsAfter(java.time.Duration idleTimeout) {
    this.idleTimeout = java.util.Objects.requireNonNull(idleTimeout, "idleTimeout");
    return this;
  }

  private ProviderEmulator startEmulator() {
    return idleTimeout == null ? ProviderEmulator.start(providerId) : ProviderEmulator.start(providerId, idleTimeout);
  }

  /**
   * Starts the emulator for the class; for a {@code @Nested} class (JUnit calls this again for it),
   * keeps the enclosing class's one.
   */
  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (classes++ == 0 && emulator == null) {
      emulator = startEmulator();
    }
  }

  /** Resets the emulator, or starts it when registered on an instance field. */
  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (emulator == null) {
      perTest = true;
      emulator = startEmulator();
    } else {
      emulator.reset();
    }
  }

  /** Stops the emulator when it was started for this test alone. */
  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  /** Closes the client and stops the emulator once the outermost class's tests are done. */
  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (classes > 0 && --classes > 0) {
      return;
    }
    stop();
  }

  /**
   * {@return the running emulator}
   *
   * @throws IllegalStateException outside the tests' lifetime
   */
  public ProviderEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the " + providerId + " emulator runs only while the tests run");
    }
    return emulator;
  }

  /**
   * {@return the running emulator as its vendor's type, e.g. {@code emulator(XqrEmulator.class)}}
   *
   * @param <E> the type of the element
   * @param type the vendor's emulator type, e.g. {@code XqrEmulator.class}
   */
  public <E extends ProviderEmulator> E emulator(Class<E> type) {
    return type.cast(emulator());
  }

  /**
   * {@return A client for the emulator, made on first use by {@link ProviderEmulator#client()} and
   * shared by the class's tests; the extension closes it} It keeps working across resets.
   */
  public synchronized LinkClient client() {
    if (client == null) {
      client = emulator().client();
    }
    return client;
  }

  /** {@return the emulator's {@link ProviderEmulator#baseUrl()}} */
  public String baseUrl() {
    return emulator().baseUrl();
  }

  /** {@return the emulator's {@link ProviderEmulator#apiKey()}} */
  public String apiKey() {
    return emulator().apiKey();
  }

  private synchronized void stop() {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      client = null;
      if (emulator != null) {
        emulator.close();
        emulator = null;
      }
      perTest = false;
    }
  }
}
