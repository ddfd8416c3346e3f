/** Micrometer metrics and observations of Polylink clients: {@link dev.polylink.micrometer.MicrometerListener}. */
package dev.polylink.micrometer;
