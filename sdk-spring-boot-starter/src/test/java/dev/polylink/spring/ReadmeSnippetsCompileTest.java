package dev.polylink.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the root README.md and of every module's README.md compiles against
 * the SDK as it is, so that no snippet on the front door can drift from the API. One in-process
 * {@link JavaCompiler} task compiles all of them against this module's test class path (the only one
 * that sees every module a snippet uses: sdk-core, the four providers, sdk-testkit, sdk-micrometer and
 * Spring), with {@code --release 17} and no annotation processing; a snippet that does not compile
 * fails the test with its README, section and line.
 *
 * <p>How a block becomes a compilation unit, in a package of its own ({@code readme.snippetN}):
 *
 * <ul>
 *   <li>Every unit starts with {@link #IMPORTS}: the SDK's public packages ({@code dev.polylink.core},
 *       the providers', {@code testkit}, {@code micrometer}, {@code spring}), the JDK packages the
 *       snippets use ({@code java.util}, {@code java.util.concurrent}, {@code java.time}, {@code
 *       java.nio.file}), Micrometer's registries and observations, JUnit 5 ({@code Assertions.*}
 *       statically), WireMock's {@code WireMock.*} statically, and Spring's stereotype and
 *       configuration annotations. Never an {@code internal} or {@code spi} package: a snippet may
 *       use only the public API.
 *   <li>A block that is a whole type (it starts, after annotations, with a class, interface, record
 *       or enum declaration) is the rest of the unit, as it is.
 *   <li>Any other block is a fragment: it becomes the body of {@code void run() throws Exception} of
 *       a class whose fields are the variables the snippets assume declared, named as the README
 *       names them: {@link #ASSUMED} ({@code links}, a {@code LinkClient}; {@code link}, a {@code
 *       Link} it created; {@code key} and {@code k}, API keys; {@code meterRegistry} and {@code
 *       observationRegistry}, the application's registries). Fields, so that a snippet may declare
 *       its own variable of the same name.
 *   <li>Stand-ins for the reader's own code that a snippet names: {@code ShortenerService} ("stands
 *       for your own code", README "Testing your code") is sdk-testkit's {@code
 *       com.example.shortener.ShortenerService}, copied into the snippet's package when the snippet
 *       names it and does not declare it.
 * </ul>
 */
class ReadmeSnippetsCompileTest {
  private static final Path ROOT = Path.of("..");

  /** The imports every unit starts with (see the class comment). */
  static final List<String> IMPORTS = List.of(
      "dev.polylink.core.*",
      "dev.polylink.xqr.*",
      "dev.polylink.shortpen.*",
      "dev.polylink.snipurl.*",
      "dev.polylink.carrierx.*",
      "dev.polylink.testkit.*",
      "dev.polylink.micrometer.*",
      "dev.polylink.spring.*",
      "java.util.*",
      "java.util.concurrent.*",
      "java.time.*",
      "java.nio.file.*",
      "io.micrometer.core.instrument.MeterRegistry",
      "io.micrometer.core.instrument.simple.SimpleMeterRegistry",
      "io.micrometer.observation.ObservationRegistry",
      "org.junit.jupiter.api.*",
      "org.junit.jupiter.api.extension.*",
      "org.springframework.context.annotation.*",
      "org.springframework.stereotype.*",
      "static org.junit.jupiter.api.Assertions.*",
      "static com.github.tomakehurst.wiremock.client.WireMock.*");

  /** The variables fragments assume declared, as fields of the class whose {@code run()} they are. */
  static final List<String> ASSUMED = List.of(
      "LinkClient links",
      "Link link",
      "String key",
      "String k",
      "MeterRegistry meterRegistry",
      "ObservationRegistry observationRegistry");

  /** Reader's own code the README names, by simple name: its source, in package {@code com.example.shortener}. */
  private static final List<Path> STAND_INS =
      List.of(ROOT.resolve("sdk-testkit/src/test/java/com/example/shortener/ShortenerService.java"));

  private static final Pattern WHOLE_TYPE = Pattern.compile(
      "\\A(?:\\s*@\\w+(?:\\([^)]*\\))?)*\\s*(?:(?:public|final|abstract|sealed|static)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

  /** One {@code ```java} block: where it is and its text (the fence's indentation removed). */
  record Snippet(String readme, String section, int firstLine, String text) {
    String where(long snippetLine) {
      return readme + ":" + (firstLine + snippetLine - 1) + " (section \"" + section + "\")";
    }
  }

  /** The {@code ```java} blocks of one Markdown text; {@code name} is how messages name the file. */
  static List<Snippet> snippets(String name, String markdown) {
    List<Snippet> snippets = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String section = "(top)";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("#")) {
        section = line.replaceFirst("^#+\\s*", "").strip();
      }
      if (line.strip().equals("```java")) {
        String indent = line.substring(0, line.indexOf('`'));
        int first = i + 2; // 1-based line number of the block's first line
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        for (; j < lines.length && !lines[j].strip().equals("```"); j++) {
          text.append(lines[j].startsWith(indent) ? lines[j].substring(indent.length()) : lines[j]).append('\n');
        }
        assertTrue(j < lines.length, name + ":" + (i + 1) + " (section \"" + section + "\"): ```java block not closed");
        snippets.add(new Snippet(name, section, first, text.toString()));
        i = j;
      }
    }
    return snippets;
  }

  /** The README files: the root one and every module's. */
  private static List<Path> readmes() throws IOException {
    List<Path> readmes = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (DirectoryStream<Path> modules = Files.newDirectoryStream(ROOT, Files::isDirectory)) {
      for (Path module : modules) {
        Path readme = module.resolve("README.md");
        if (Files.isRegularFile(readme)) {
          readmes.add(readme);
        }
      }
    }
    readmes.subList(1, readmes.size()).sort(null);
    return readmes;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unit in memory: its source and the snippet it holds, from {@code offset + 1} on. */
  private static final class Unit extends SimpleJavaFileObject {
    final String source;
    final Snippet snippet;
    final int offset;

    Unit(String path, String source, Snippet snippet, int offset) {
      super(java.net.URI.create("string:///" + path), Kind.SOURCE);
      this.source = source;
      this.snippet = snippet;
      this.offset = offset;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return source;
    }
  }

  /** The compilation units for the snippets, plus the stand-ins they name. */
  static List<Unit> units(List<Snippet> snippets) {
    List<Unit> units = new ArrayList<>();
    for (int n = 0; n < snippets.size(); n++) {
      Snippet snippet = snippets.get(n);
      String pkg = "readme.snippet" + n;
      StringBuilder header = new StringBuilder("package " + pkg + ";\n");
      IMPORTS.forEach(i -> header.append("import ").append(i).append(";\n"));
      Matcher type = WHOLE_TYPE.matcher(snippet.text());
      String source;
      String name;
      int offset;
      if (type.find()) {
        name = type.group(1);
        offset = (int) header.chars().filter(c -> c == '\n').count();
        source = header + snippet.text();
      } else {
        name = "Snippet";
        header.append("@SuppressWarnings(\"all\")\nclass Snippet {\n");
        ASSUMED.forEach(v -> header.append("  ").append(v).append(";\n"));
        header.append("  void run() throws Exception {\n");
        offset = (int) header.chars().filter(c -> c == '\n').count();
        source = header + snippet.text() + "  }\n}\n";
      }
      units.add(new Unit(pkg.replace('.', '/') + "/" + name + ".java", source, snippet, offset));
      for (Path standIn : STAND_INS) {
        String simpleName = standIn.getFileName().toString().replace(".java", "");
        boolean named = Pattern.compile("\\b" + simpleName + "\\b").matcher(snippet.text()).find();
        boolean declared = Pattern.compile("\\b(class|interface|record|enum)\\s+" + simpleName + "\\b")
            .matcher(snippet.text()).find();
        if (named && !declared) {
          String code = read(standIn).replaceFirst("package com\\.example\\.shortener;", "package " + pkg + ";");
          units.add(new Unit(pkg.replace('.', '/') + "/" + simpleName + ".java", code, null, 0));
        }
      }
    }
    return units;
  }

  /** The class path to compile against: this test's own. */
  private static String classPath() {
    String classPath = System.getProperty("java.class.path");
    assertTrue(classPath.contains("sdk-core") && classPath.contains("provider-xqr"),
        "the test class path does not show sdk-core and provider-xqr: " + classPath);
    return classPath;
  }

  /** Compiles the snippets in one task; {@return one message per error, naming README, section and line} */
  static List<String> compile(List<Snippet> snippets, Path output) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertTrue(compiler != null, "no system Java compiler (a JRE instead of a JDK?)");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Unit> units = units(snippets);
    List<String> errors = new ArrayList<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      // should-stop.ifError=FLOW: a syntax error in one snippet does not hide the other snippets' errors.
      List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-Xmaxerrs", "1000",
          "-XDshould-stop.ifError=FLOW",
          "-classpath", classPath(), "-d", output.toString());
      boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) {
          continue;
        }
        String message = d.getMessage(Locale.ROOT).lines().map(String::strip).collect(Collectors.joining("; "));
        if (d.getSource() instanceof Unit && ((Unit) d.getSource()).snippet != null) {
          Unit unit = (Unit) d.getSource();
          long line = d.getLineNumber() - unit.offset;
          String where = line >= 1 && line <= unit.snippet.text().lines().count()
              ? unit.snippet.where(line)
              : unit.snippet.where(1) + ", in the test's wrapping of the snippet at line " + d.getLineNumber();
          errors.add(where + ": " + message);
        } else {
          errors.add((d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ") + message);
        }
      }
      errors.sort(null);
      if (!ok && errors.isEmpty()) {
        errors.add("the compiler failed without an error diagnostic");
      }
    }
    return errors;
  }

  @Test
  void everyJavaSnippetOfEveryReadmeCompiles(@TempDir Path output) throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    int fences = 0;
    for (Path readme : readmes()) {
      String text = read(readme);
      String name = ROOT.relativize(readme).toString().replace(File.separatorChar, '/');
      snippets.addAll(snippets(name, text));
      fences += (int) text.lines().filter(l -> l.strip().equals("```java")).count();
    }
    assertEquals(fences, snippets.size(), "every ```java fence is a snippet");
    assertTrue(snippets.stream().anyMatch(s -> s.readme().equals("README.md") && s.section().equals("Bulk operations")),
        "README.md's 'Bulk operations' snippet is found: " + snippets.stream().map(s -> s.where(1)).toList());
    List<String> errors = compile(snippets, output);
    assertTrue(errors.isEmpty(), errors.size() + " compile error(s) in README snippets (fix the README to match the API):\n"
        + errors.stream().collect(Collectors.joining("\n")));
  }

  @Test
  void aSnippetThatDoesNotCompileIsNamedByReadmeSectionAndLine(@TempDir Path output) throws IOException {
    String markdown = String.join("\n",
        "# Title",
        "## Fine",
        "```java",
        "BulkResult<LinkId> gone = links.deleteAll(List.of(link.id()));",
        "```",
        "## Broken part",
        "Text.",
        "",
        "  ```java",
        "  Link first = links.get(link.id());",
        "  links.renameEverything(first);",
        "  ```",
        "",
        "```java",
        "try (LinkClient c = links) { ... }",
        "```",
        "",
        "```java",
        "class Whole {",
        "  Duration d = Duration.ofSeconds(\"1\");",
        "}",
        "```",
        "");
    List<Snippet> snippets = snippets("X.md", markdown);
    assertEquals(List.of("Fine", "Broken part", "Broken part", "Broken part"),
        snippets.stream().map(Snippet::section).toList());
    assertEquals(List.of(4, 10, 15, 19), snippets.stream().map(Snippet::firstLine).toList());
    assertEquals("Link first = links.get(link.id());\nlinks.renameEverything(first);\n", snippets.get(1).text());
    List<String> errors = compile(snippets, output);
    // The fine snippet has no error; each broken one is named by its line, the syntax error hiding no other.
    List<String> expected = List.of("X.md:11 (section \"Broken part\"): cannot find symbol",
        "X.md:15 (section \"Broken part\"): ", "X.md:20 (section \"Broken part\"): ");
    for (String prefix : expected) {
      assertTrue(errors.stream().anyMatch(e -> e.startsWith(prefix)), prefix + " in " + errors);
    }
    assertTrue(errors.stream().allMatch(e -> expected.stream().anyMatch(e::startsWith)), errors::toString);
    assertFalse(errors.stream().anyMatch(e -> e.contains("wrapping")), errors::toString);
  }
}
