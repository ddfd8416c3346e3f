package dev.polylink.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs {@code polylink-examples} in process with captured output. */
final class Runner {
  private Runner() {}

  /** The exit code and everything written to stdout and stderr. */
  record Result(int exitCode, String out, String err) {
    /** The non-blank lines of stderr that are not progress-bar frames. */
    List<String> errorLines() {
      return Arrays.stream(err.split("\n"))
          .filter(line -> !line.isBlank() && !line.contains("\r"))
          .toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  static Result run(Clients clients, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PolylinkExamples app = new PolylinkExamples(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), clients);
    int exitCode = app.commandLine().execute(args);
    return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
