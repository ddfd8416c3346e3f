package dev.polylink.carrierx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures under {@code src/test/resources/fixtures/}, and the documented sample values. */
public final class Fixtures {
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

  private Fixtures() {}

  /** A fixture file's text. */
  public static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documented Update Link response. */
  public static String documentedLink() {
    return read("update-link-response.json");
  }
}
