package dev.polylink.carrierx;

import dev.polylink.core.testing.Fixtures;

/** CarrierX's documented sample values; the bodies are fixture files ({@code fixture(name)}). */
public final class CarrierxFixtures {
  /** The link of CarrierX's documented PATCH sample. */
  public static final String SID = "a533f53a-7e6f-4822-be3c-3767924ee2a9";
  /** The token of CarrierX's documented PATCH sample. */
  public static final String TOKEN = "5ebc03d6-8b2b-44ad-bf65-72d4f1491dda";
  /** The domain of CarrierX's documented link object. */
  public static final String DOMAIN_SID = "330a8a83-d4bb-4f39-ae54-c59c8d87cd44";
  /** The partner of CarrierX's documented link object. */
  public static final String PARTNER_SID = "e00430c3-a7d0-4666-ab5c-f7202448382f";
  /** CarrierX's documented base path. */
  public static final String BASE_PATH = "/core/v2";
  /** The links collection under {@link #BASE_PATH}. */
  public static final String LINKS = BASE_PATH + "/shortener/links";

  private CarrierxFixtures() {}

  /** The documented Update Link response. */
  public static String documentedLink() {
    return Fixtures.read("update-link-response.json");
  }
}
