package dev.polylink.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code polylink-examples} command: runnable programs that use Polylink through {@link
 * dev.polylink.core.LinkClient} alone. With no configuration they run against the test kit's
 * embedded emulators; a provider whose API key is in the environment ({@code XQR_API_KEY}, ...) is
 * used for real.
 *
 * <pre>
 * java -jar examples/target/polylink-examples.jar quickstart
 * java -jar examples/target/polylink-examples.jar retarget --provider xqr --label spring-sale --to https://shop.example.com/summer
 * java -jar examples/target/polylink-examples.jar migrate --from snipurl --to xqr --dry-run
 * </pre>
 *
 * <p>Exit codes: {@value #EXIT_OK} done; {@value #EXIT_FAILED} a call failed (or, for retarget and
 * migrate, some links failed); {@value #EXIT_USAGE} bad arguments; {@value #EXIT_UNSUPPORTED} the
 * provider cannot do what was asked. Errors are one line on standard error; {@code --verbose} adds
 * the stack trace.
 *
 * <p>Tests construct it with their own streams and {@link Clients} and run {@link #commandLine()}.
 */
@Command(
    name = "polylink-examples",
    mixinStandardHelpOptions = true,
    versionProvider = PolylinkExamples.Version.class,
    description = "Polylink examples: one LinkClient interface over xQR, ShortPen, SnipURL and CarrierX.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:a call failed, or some links did",
        "2:bad arguments",
        "3:the provider cannot do what was asked"},
    footer = {
        "%nWithout configuration every command runs against embedded emulators.",
        "A provider whose variables are set is used for real instead:",
        "  xqr       XQR_API_KEY",
        "  shortpen  SHORTPEN_API_KEY, SHORTPEN_DOMAIN_ID",
        "  snipurl   SNIPURL_API_KEY",
        "  carrierx  CARRIERX_API_KEY (or CARRIERX_USERNAME and CARRIERX_PASSWORD),",
        "            CARRIERX_DOMAIN_SID"},
    subcommands = {QuickstartCommand.class, RetargetCommand.class, MigrateCommand.class})
public final class PolylinkExamples implements Callable<Integer> {
  /** Done. */
  public static final int EXIT_OK = 0;
  /** A call failed, or some of the links a command worked on failed. */
  public static final int EXIT_FAILED = 1;
  /** Bad arguments. */
  public static final int EXIT_USAGE = 2;
  /** The provider cannot do what the command was asked (see its capabilities). */
  public static final int EXIT_UNSUPPORTED = 3;

  private final PrintStream out;
  private final PrintStream err;
  private final Clients clients;

  @Spec
  private CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print the redacted wire log of every request and the stack trace of a failure.")
  private boolean verbose;

  /** The command with these output streams and source of clients. */
  public PolylinkExamples(PrintStream out, PrintStream err, Clients clients) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  /** Runs a command against the process's environment and standard streams, then exits. */
  public static void main(String[] args) {
    PolylinkExamples app = new PolylinkExamples(System.out, System.err, Clients.fromSystemEnvironment());
    System.exit(app.commandLine().execute(args));
  }

  /**
   * The picocli command line for this command, writing help and usage errors to the same streams
   * as the commands, and reporting a bad argument as one line with exit code {@value #EXIT_USAGE}.
   */
  public CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(this);
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setParameterExceptionHandler(PolylinkExamples::badArguments);
    commandLine.setExecutionExceptionHandler((e, cl, parseResult) ->
        fail(cl.getCommandSpec().qualifiedName(), e));
    return commandLine;
  }

  /** Without a subcommand: prints the usage and exits with {@value #EXIT_USAGE}. */
  @Override
  public Integer call() {
    spec.commandLine().usage(err);
    return EXIT_USAGE;
  }

  /** Standard output of the commands. */
  public PrintStream out() {
    return out;
  }

  /** Standard error: errors and progress bars. */
  public PrintStream err() {
    return err;
  }

  /** Where the commands get their clients: with the redacted wire log on under {@code --verbose}. */
  public Clients clients() {
    return verbose ? clients.withWireLog() : clients;
  }

  /** Whether {@code --verbose} was given. */
  boolean verbose() {
    return verbose;
  }

  /**
   * Reports a failure on one line (plus the stack trace with {@code --verbose}) and returns the
   * exit code for it.
   */
  int fail(String command, Exception e) {
    int code;
    String message;
    if (e instanceof UsageException) {
      code = EXIT_USAGE;
      message = e.getMessage() + " (see '" + command + " --help')";
    } else if (e instanceof CapabilityException) {
      code = EXIT_UNSUPPORTED;
      message = e.getMessage();
    } else {
      code = EXIT_FAILED;
      message = Messages.of(e);
    }
    err.println(command + ": error: " + message);
    if (verbose) {
      e.printStackTrace(err);
    }
    return code;
  }

  private static int badArguments(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    String command = commandLine.getCommandSpec().qualifiedName();
    String message = Messages.oneLine(e.getMessage()).replaceFirst("^Error: ", "");
    commandLine.getErr().println(command + ": error: " + message + " (see '" + command + " --help')");
    return EXIT_USAGE;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PolylinkExamples.class.getPackage().getImplementationVersion();
      return new String[] {"polylink-examples " + (version == null ? "(development build)" : version)};
    }
  }
}
