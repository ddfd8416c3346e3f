/**
 * SnipURL ({@code snipurl.click}) behind Polylink's {@link dev.polylink.core.LinkClient}: {@link
 * dev.polylink.snipurl.SnipurlClient}, its typed extras {@link dev.polylink.snipurl.SnipurlOptions}
 * and the shareable analytics sections {@link dev.polylink.snipurl.AnalyticsSection}.
 */
package dev.polylink.snipurl;
