package dev.polylink.examples;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the subcommands share: the streams and clients of {@link PolylinkExamples}, and turning any
 * failure into one line on standard error and an exit code, so that no user sees a stack trace
 * unless they ask for it with {@code --verbose}.
 */
abstract class ExampleCommand implements Callable<Integer> {
  @ParentCommand
  PolylinkExamples app;

  @Spec
  CommandSpec spec;

  /** Runs the command; returns its exit code. */
  @Override
  public final Integer call() {
    try (WireLog wireLog = app.verbose() ? WireLog.to(err()) : WireLog.OFF) {
      return run();
    } catch (Exception e) {
      return app.fail(spec.qualifiedName(), e);
    }
  }

  /** The command itself; any exception it throws is reported by {@link #call()}. */
  abstract int run() throws Exception;

  PrintStream out() {
    return app.out();
  }

  PrintStream err() {
    return app.err();
  }

  Clients clients() {
    return app.clients();
  }
}
