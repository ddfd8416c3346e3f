package dev.polylink.core.spi;

import static dev.polylink.core.Violations.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of {@link Checks} that {@link ChecksTest} leaves open: exact boundaries and escapes. */
class ChecksEdgeTest {

  @Test
  void deleteIsDescribedAsACodePointNotAsACharacter() {
    RequestValidationException e = assertInvalid("slug", () -> Checks.slug("p", "a\u007fb"));
    assertEquals("slug: " + Checks.SLUG_RULE + " (found U+007F at index 1; was \"a\\u007fb\")", e.violations().get(0));
  }

  @Test
  void aValueOfExactlyEightyCharactersIsShownWholeAndOneMoreIsShortened() {
    String eighty = "x".repeat(80);
    RequestValidationException whole = Checks.invalid("p", "f", "rule", eighty);
    assertEquals("f: rule (was \"" + eighty + "\")", whole.violations().get(0));
    RequestValidationException shortened = Checks.invalid("p", "f", "rule", eighty + "y");
    assertEquals("f: rule (was \"" + "x".repeat(77) + "...\")", shortened.violations().get(0));
  }

  /** Ports of registry-based (non-ASCII) hosts: digits 0 to 9 are a port, anything else is not. */
  @ParameterizedTest
  @ValueSource(strings = {"https://bücher.example:9090/", "https://münchen.de:0/", "https://münchen.de:/x"})
  void anInternationalHostMayCarryAnyNumericPort(String url) {
    assertEquals(URI.create(url), Checks.httpUrl("p", "destination", url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://münchen.de:8x/", "https://münchen.de:9a/", "https://münchen.1/",
      "https://ü.１２３/", "https://１.２.３.９９９/"})
  void anInternationalHostMustBeAHostOnceInAscii(String url) {
    assertInvalid("destination", () -> Checks.httpUrl("p", "destination", url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1b4e28ba-2fa1-11d2-883f-0016d3cca42g", "1b4e28ba-2fa1-11d2-883f+0016d3cca427",
      "1b4e28ba_2fa1-11d2-883f-0016d3cca427", "1b4e28ba-2fa1-11d2-883f-0016d3cca4２7", "1b4e28ba-2fa1-11d2-883f-0016d3ccaz27",
      "------------------------------------", "1b4e28ba-2fa1-11d2-883f-0016d3cca4-7"})
  void aThirtySixCharacterIdIsAUuidOnlyInTheCanonicalHexForm(String id) {
    assertEquals(36, id.length());
    RequestValidationException e = assertInvalid("id", () -> Checks.uuidId("p", LinkId.of(id)));
    assertEquals(List.of("id: must be a UUID (was \"" + id + "\")"), e.violations());
  }
}
