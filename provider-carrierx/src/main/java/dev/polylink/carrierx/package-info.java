/**
 * The CarrierX Core API v2 link shortener behind Polylink's {@link dev.polylink.core.LinkClient}:
 * {@link dev.polylink.carrierx.CarrierxClient} and its typed extras {@link
 * dev.polylink.carrierx.CarrierxOptions}.
 */
package dev.polylink.carrierx;
