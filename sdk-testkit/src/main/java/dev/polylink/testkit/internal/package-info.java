/**
 * The emulators' implementation: routing, the vendors' state machines and their renderings. Not
 * API: it may change in any release. Use {@link dev.polylink.testkit.ProviderEmulator} instead.
 */
package dev.polylink.testkit.internal;
