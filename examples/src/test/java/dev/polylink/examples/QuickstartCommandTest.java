package dev.polylink.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.polylink.testkit.EmulatorExtension;
import dev.polylink.testkit.ProviderEmulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class QuickstartCommandTest {
  @RegisterExtension
  static final EmulatorExtension XQR = EmulatorExtension.of("xqr");
  @RegisterExtension
  static final EmulatorExtension SHORTPEN = EmulatorExtension.of("shortpen");
  @RegisterExtension
  static final EmulatorExtension SNIPURL = EmulatorExtension.of("snipurl");
  @RegisterExtension
  static final EmulatorExtension CARRIERX = EmulatorExtension.of("carrierx");

  private static Clients emulators() {
    return Clients.builder()
        .emulator(XQR.emulator())
        .emulator(SHORTPEN.emulator())
        .emulator(SNIPURL.emulator())
        .emulator(CARRIERX.emulator())
        .build();
  }

  @TempDir
  Path qrDirectory;

  @Test
  void toursEveryProviderOnItsEmulator() throws Exception {
    Runner.Result result = Runner.run(emulators(), "quickstart", "--qr-dir", qrDirectory.toString());

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    String out = result.out();
    for (EmulatorExtension extension : List.of(XQR, SHORTPEN, SNIPURL, CARRIERX)) {
      ProviderEmulator emulator = extension.emulator();
      String id = emulator.providerId();
      String section = section(out, id);
      assertTrue(section.startsWith("== " + id + ": using an embedded " + id + " emulator at " + emulator.serverUrl()),
          section);
      assertTrue(section.contains("| field | create | update | clear |"), section);
      // SnipURL's server redirects a visit of an unknown code to its not-found page; the others answer 404.
      String gone = id.equals("snipurl") ? "307, Location: " + Pattern.quote(emulator.serverUrl() + "/not-found") : "404";
      assertTrue(Pattern.compile("delete    done; follow again: GET \\S+ -> " + gone).matcher(section).find(), section);
      assertTrue(emulator.links().isEmpty(), id + " still has links: " + emulator.links());
    }
    for (String id : List.of("xqr", "shortpen", "carrierx")) {
      String section = section(out, id);
      assertTrue(section.contains("update    destination -> " + QuickstartCommand.NEW_DESTINATION), section);
      assertTrue(section.contains("-> 30"), section);
      assertTrue(followed(section).endsWith("Location: " + QuickstartCommand.NEW_DESTINATION), section);
    }
    for (String id : List.of("xqr", "shortpen", "snipurl", "carrierx")) {
      String section = section(out, id);
      assertTrue(section.contains("\nclicks    1 after following the short link once\n"), section);
    }
    for (String id : List.of("xqr", "snipurl")) {
      String section = section(out, id);
      Matcher wrote = Pattern.compile("\nqr        wrote (\\S+) \\((image/\\S+), (\\d+) bytes\\)\n").matcher(section);
      assertTrue(wrote.find(), section);
      Path file = Path.of(wrote.group(1));
      assertEquals(qrDirectory, file.getParent());
      assertEquals(Long.parseLong(wrote.group(3)), Files.size(file));
      byte[] image = Files.readAllBytes(file);
      if (wrote.group(2).equals("image/png")) {
        assertNotNull(ImageIO.read(new ByteArrayInputStream(image)), file.toString());
      } else {
        assertTrue(new String(image, StandardCharsets.UTF_8).contains("<svg"), file.toString());
      }
    }
    assertTrue(section(out, "shortpen").contains("\nqr        not offered by shortpen"), out);
    assertTrue(section(out, "carrierx").contains("\nqr        not offered by carrierx"), out);
    String snipurl = section(out, "snipurl");
    assertTrue(snipurl.contains("update    title \"Polylink quickstart\" -> \"" + QuickstartCommand.NEW_TITLE
        + "\" (snipurl cannot change a link's destination"), snipurl);
    assertTrue(followed(snipurl).endsWith("Location: " + QuickstartCommand.DESTINATION), snipurl);
    assertTrue(out.endsWith("Done: xqr, shortpen, snipurl, carrierx.\n"), out);
  }

  @Test
  void usesTheRealServiceWhenTheProvidersApiKeyIsSet() {
    ProviderEmulator xqr = XQR.emulator();
    Map<String, String> environment = Map.of("XQR_API_KEY", xqr.apiKey(), "XQR_BASE_URL", xqr.baseUrl());
    Clients clients = Clients.builder().environment(environment::get).build();

    Runner.Result result = Runner.run(clients, "quickstart", "--provider", "xqr", "--qr-dir", qrDirectory.toString());

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("== xqr: using the real xqr service (XQR_API_KEY is set)"), result.out());
    List<String> methods = xqr.wireMock().getAllServeEvents().stream()
        .map(e -> e.getRequest().getMethod().getName()).toList();
    assertTrue(methods.containsAll(List.of("POST", "PATCH", "GET", "DELETE")), methods.toString());
  }

  @Test
  void aFailedCallIsOneLineAndExitsOneUnlessVerbose() {
    XQR.emulator().wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "text/html").withBody("<html>down for maintenance</html>")));

    Runner.Result quiet = Runner.run(emulators(), "quickstart", "--provider", "xqr");

    assertEquals(PolylinkExamples.EXIT_FAILED, quiet.exitCode(), quiet::toString);
    assertEquals(1, quiet.errorLines().size(), quiet::toString);
    String line = quiet.errorLines().get(0);
    assertTrue(line.startsWith("polylink-examples quickstart (xqr): error: "), line);
    assertTrue(line.contains("503"), line);
    assertFalse(quiet.err().contains("\tat "), quiet::toString);
    assertTrue(quiet.out().contains("Failed on: xqr"), quiet::toString);

    Runner.Result verbose = Runner.run(emulators(), "quickstart", "--provider", "xqr", "--verbose");

    assertEquals(PolylinkExamples.EXIT_FAILED, verbose.exitCode(), verbose::toString);
    assertTrue(verbose.err().contains("\tat "), verbose::toString);
    long posts = XQR.emulator().wireMock().getAllServeEvents().stream().map(ServeEvent::getRequest)
        .filter(r -> r.getMethod().getName().equals("POST")).count();
    assertEquals(2, posts, "a POST is never retried after a 5xx");
  }

  @Test
  void verboseShowsTheRedactedWireLogAndQuietShowsNone() {
    Runner.Result quiet = Runner.run(emulators(), "quickstart", "--provider", "snipurl");
    assertEquals(PolylinkExamples.EXIT_OK, quiet.exitCode(), quiet::toString);
    assertFalse(quiet.err().contains("--> "), quiet::toString);

    Runner.Result verbose = Runner.run(emulators(), "quickstart", "--provider", "snipurl", "--verbose");

    assertEquals(PolylinkExamples.EXIT_OK, verbose.exitCode(), verbose::toString);
    String err = verbose.err();
    assertTrue(err.contains("--> POST " + SNIPURL.emulator().baseUrl()), verbose::toString);
    assertTrue(err.contains("<-- 201 POST "), verbose::toString);
    assertTrue(err.contains("\nAuthorization: ██\n"), verbose::toString);
    assertTrue(err.contains("polylink snipurl create: succeeded in "), verbose::toString);
    assertFalse(err.contains(SNIPURL.emulator().apiKey()), "the API key must never be logged");
    assertFalse(verbose.out().contains("--> "), "the wire log goes to standard error only");
  }

  @Test
  void anUnknownProviderIsABadArgument() {
    Runner.Result result = Runner.run(emulators(), "quickstart", "--provider", "xqr,bitly");

    assertEquals(PolylinkExamples.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals(List.of("polylink-examples quickstart: error: --provider: unknown provider 'bitly' "
        + "(known: carrierx, shortpen, snipurl, xqr) (see 'polylink-examples quickstart --help')"), result.errorLines());
    assertTrue(XQR.emulator().wireMock().getAllServeEvents().isEmpty(), "nothing is done before the arguments are checked");
  }

  /** The output of one provider's tour. */
  private static String section(String out, String id) {
    int start = out.indexOf("== " + id + ":");
    assertTrue(start >= 0, out);
    int end = out.indexOf("\n== ", start + 1);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  /** The first "follow" line of a section. */
  private static String followed(String section) {
    return section.lines().filter(l -> l.startsWith("follow ")).findFirst().orElse("");
  }
}
