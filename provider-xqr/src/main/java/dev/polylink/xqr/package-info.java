/**
 * The xQR provider of Polylink: {@link dev.polylink.xqr.XqrClient} puts xQR's link API behind
 * {@link dev.polylink.core.LinkClient}; {@link dev.polylink.xqr.XqrOptions} carries xQR's Smart
 * Routing rules ({@link dev.polylink.xqr.RoutingRule}).
 */
package dev.polylink.xqr;
