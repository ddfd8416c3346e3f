/**
 * Runnable examples of Polylink, one short class per command, all through {@link
 * dev.polylink.core.LinkClient}: {@code quickstart} (a link's whole life on every provider), {@code
 * retarget} (move many links at once, politely), {@code migrate} (copy links between providers and
 * say what cannot be carried over). {@link dev.polylink.examples.PolylinkExamples} is the entry
 * point; {@link dev.polylink.examples.Clients} decides between a real service and an embedded
 * emulator.
 */
package dev.polylink.examples;
