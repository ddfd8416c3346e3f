/**
 * Embedded, stateful emulators of the vendor APIs Polylink supports, for tests and examples that
 * must run with no account and no network.
 *
 * <ul>
 *   <li>{@link dev.polylink.testkit.ProviderEmulator}: start one with {@code
 *       ProviderEmulator.start("xqr")} (or {@code "shortpen"}, {@code "snipurl"}, {@code
 *       "carrierx"}); point a client at {@link dev.polylink.testkit.ProviderEmulator#baseUrl()} with
 *       {@link dev.polylink.testkit.ProviderEmulator#apiKey()}, or take {@link
 *       dev.polylink.testkit.ProviderEmulator#client()}.
 *   <li>{@link dev.polylink.testkit.EmulatorExtension}: the JUnit 5 extension that runs one per test
 *       class and resets it before each test.
 *   <li>{@link dev.polylink.testkit.MutableClock}: the emulators' settable clock, for expiry and
 *       rate-limit windows without waiting.
 * </ul>
 *
 * <p>The package {@code dev.polylink.testkit.internal} is the emulators' implementation, not API.
 */
package dev.polylink.testkit;
