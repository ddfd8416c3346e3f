package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.testkit.ProviderEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's Usage code (com.example.app.Usage) as the application would run: in a JVM of
 * its own, on this project's runtime class path or module path only (target/runtime-classpath.txt,
 * written by dependency:build-classpath), configured by its environment variables. The JVM gets
 * no flag but the path and the main class.
 */
class UsageTest {
  private static final boolean MODULE_PATH = "module-path".equals(System.getProperty("consumer.path"));
  private static boolean printed;

  @Test
  void theUsageCodeRunsAgainstAnEmulator() throws Exception {
    try (ProviderEmulator xqr = ProviderEmulator.start("xqr")) {
      Run run = launch(Map.of("XQR_API_KEY", xqr.apiKey(), "XQR_BASE_URL", xqr.baseUrl()));

      assertEquals(0, run.exit, run.toString());
      assertTrue(run.out.startsWith(xqr.serverUrl() + "/summer24" + System.lineSeparator()), run.toString());
      List<Map<String, Object>> links = xqr.links();
      assertEquals(1, links.size(), links::toString);
      assertEquals("summer24", links.get(0).get("short_code"));
      assertEquals("https://example.com/summer-sale-v2", links.get(0).get("destination"));
      assertEquals(List.of(), links.get(0).get("labels"));
    }
  }

  @Test
  void withoutTheApiKeyItNamesTheVariable() throws Exception {
    Run run = launch(Map.of());

    assertNotEquals(0, run.exit, run.toString());
    assertTrue(run.err.contains("RequestValidationException: xqr: invalid request: XQR_API_KEY: is not set"), run.toString());
    assertFalse(run.err.contains("NullPointerException"), run.toString());
  }

  private static Run launch(Map<String, String> environment) throws IOException, InterruptedException {
    Path classes = Path.of("target", "classes").toAbsolutePath();
    List<String> runtime = runtimePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String path = String.join(File.pathSeparator, runtime) + File.pathSeparator + classes;
    if (MODULE_PATH) {
      command.addAll(List.of("--module-path", path, "--module", "com.example.app/com.example.app.Usage"));
    } else {
      command.addAll(List.of("-cp", path, "com.example.app.Usage"));
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("XQR_") || name.startsWith("JAVA_TOOL_OPTIONS")
        || name.startsWith("JDK_JAVA_OPTIONS"));
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("usage", ".out");
    Path err = Files.createTempFile("usage", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the Usage code did not finish in 60 s: " + String.join(" ", command));
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The jars of the runtime path, printed with their count and size. */
  private static List<String> runtimePath() throws IOException {
    String text = Files.readString(Path.of("target", "runtime-classpath.txt"), StandardCharsets.UTF_8).strip();
    List<String> jars = text.isEmpty() ? List.of() : List.of(text.split(File.pathSeparator));
    long bytes = 0;
    for (String jar : jars) {
      bytes += Files.size(Path.of(jar));
    }
    if (!printed) {
      printed = true;
      System.out.printf("%s consumer: runtime %s: %d jars, %.1f MiB%n", MODULE_PATH ? "module-path" : "class-path",
          MODULE_PATH ? "module path" : "class path", jars.size(), bytes / (1024.0 * 1024.0));
    }
    return jars;
  }

  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
    }
  }
}
