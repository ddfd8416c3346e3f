import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API baseline check (as OkHttp's apiCheck does): the public and protected signatures of a
 * module's classes outside its {@code internal} packages, as the JDK's own {@code javap -protected}
 * prints them (one block per public type, members sorted), compared with the checked-in
 * {@code <module>/api/<artifactId>.api}. A difference fails the build with a diff and the command
 * that regenerates the baseline; the regenerated file goes into the same commit as the change, so
 * the public surface's changes are visible in review.
 *
 * <p>Run by the exec-maven-plugin in each published module's package phase (see the root
 * pom.xml): {@code java tools/ApiCheck.java <classes dir> <baseline file> <update: true|false>}.
 */
public final class ApiCheck {
  static final String REGENERATE = "mvn -B -q package -DskipTests -Dmaven.javadoc.skip -Dapi.update";

  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    Path baseline = Path.of(args[1]);
    boolean update = args.length > 2 && (args[2].isEmpty() || Boolean.parseBoolean(args[2]));
    if (!Files.isDirectory(classes)) {
      return; // a module without classes (a pom) has no API
    }
    List<String> current = dump(classes);
    String module = baseline.getFileName().toString().replaceFirst("\\.api$", "");
    if (update) {
      Files.createDirectories(baseline.getParent());
      Files.write(baseline, current, StandardCharsets.UTF_8);
      System.out.println("[api] wrote " + baseline + " (" + current.size() + " lines): commit it with the change");
      return;
    }
    if (!Files.exists(baseline)) {
      fail(module, "has no API baseline " + baseline, List.of());
    }
    List<String> expected = Files.readAllLines(baseline, StandardCharsets.UTF_8);
    if (!expected.equals(current)) {
      fail(module, "changed its public API: " + baseline + " no longer matches the classes (- baseline, + now)",
          diff(expected, current));
    }
    System.out.println("[api] " + module + ": the public API matches " + baseline);
  }

  private static void fail(String module, String problem, List<String> diff) {
    // On standard error, which Maven shows even with -q.
    System.err.println();
    System.err.println("[api] FAILED: " + module + " " + problem);
    diff.forEach(line -> System.err.println("[api]   " + line));
    System.err.println("[api] If the change is intended, regenerate the baselines from the repository's root and");
    System.err.println("[api] commit the changed api/*.api files with it:  " + REGENERATE);
    System.err.println();
    System.exit(1);
  }

  /** javap's view of every public type outside the internal packages, sorted by type, members sorted. */
  static List<String> dump(Path classes) throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names = files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> classes.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.endsWith("module-info.class") && !f.endsWith("package-info.class"))
          .filter(f -> !("/" + f).contains("/internal/"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .collect(Collectors.toList());
    }
    TreeMap<String, List<String>> types = new TreeMap<>();
    if (names.isEmpty()) {
      return List.of();
    }
    List<String> javapArgs = new ArrayList<>(List.of("-protected", "-cp", classes.toString()));
    javapArgs.addAll(names);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ToolProvider.findFirst("javap").orElseThrow()
        .run(new PrintWriter(out), new PrintWriter(err), javapArgs.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("javap failed: " + err);
    }
    String header = null;
    List<String> members = null;
    for (String line : out.toString().split("\\R")) {
      if (line.startsWith("Compiled from") || line.isBlank()) {
        continue;
      }
      if (header == null) {
        header = line.strip();
        members = new ArrayList<>();
      } else if (line.equals("}")) {
        if (header.startsWith("public ") || header.startsWith("protected ")) {
          members.sort(null);
          types.put(header.replaceFirst("^.*?(class|interface|enum|record|@interface) ", ""), block(header, members));
        }
        header = null;
      } else {
        members.add("  " + line.strip());
      }
    }
    List<String> lines = new ArrayList<>();
    types.values().forEach(lines::addAll);
    return lines;
  }

  private static List<String> block(String header, List<String> members) {
    List<String> block = new ArrayList<>();
    block.add(header);
    block.addAll(members);
    block.add("}");
    block.add("");
    return block;
  }

  /** A line diff (longest common subsequence), each change shown under its type's header. */
  static List<String> diff(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    String context = null;
    String shown = null;
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        if (!a.get(i).startsWith(" ") && !a.get(i).isEmpty() && !a.get(i).equals("}")) {
          context = a.get(i);
        }
        i++;
        j++;
        continue;
      }
      boolean removal = j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1]);
      String line = removal ? a.get(i++) : b.get(j++);
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith(" ") && context != null && !context.equals(shown)) {
        out.add("  " + context);
        shown = context;
      }
      out.add((removal ? "- " : "+ ") + line);
    }
    return out;
  }
}
