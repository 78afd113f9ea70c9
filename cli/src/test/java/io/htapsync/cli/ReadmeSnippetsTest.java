package io.htapsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Every {@code ```java} block of README.md and sandbox/README.md is compiled against the client, the
 * sandbox and JUnit 5, and blocks that are JUnit tests are run (against the sandbox they start), so a
 * renamed method or a changed behaviour fails the build at the README line that shows it.
 *
 * <p>The convention (for everyone editing the READMEs): each block is one complete compilation unit,
 * imports and one top-level class, no package declaration. Blocks with a {@code main} are compiled
 * only: they may call the real service.
 */
class ReadmeSnippetsTest {
  static final List<String> READMES = List.of("README.md", "sandbox/README.md");
  private static final Pattern OPENING_FENCE = Pattern.compile("^\\s*```java\\s*$");
  private static final Pattern CLOSING_FENCE = Pattern.compile("^\\s*```\\s*$");
  private static final Pattern TOP_LEVEL_CLASS =
      Pattern.compile("^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s", Pattern.MULTILINE);

  @TempDir
  Path classes;

  /** One ```java block: where it is and its text. */
  record Snippet(String readme, int firstLine, String code) {
    String where() {
      return readme + " line " + firstLine;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompilesAndItsTestsPass() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    for (String readme : READMES) {
      snippets.addAll(snippets(readme, Files.readAllLines(root().resolve(readme), StandardCharsets.UTF_8)));
    }
    assertFalse(snippets.isEmpty(), "no ```java blocks in " + READMES);
    return snippets.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> check(s)));
  }

  @Test
  void blocksAreFoundWithTheLineTheirCodeStartsOn() {
    List<Snippet> found = snippets("X.md", List.of("text", "```java", "class A {}", "```", "```bash", "ls", "```",
        "  ```java", "class B {", "}", "  ```"));
    assertEquals(List.of(new Snippet("X.md", 3, "class A {}\n"), new Snippet("X.md", 9, "class B {\n}\n")), found);
  }

  @Test
  void aCompileErrorNamesTheReadmeLine() {
    AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> check(new Snippet("X.md", 40, "class Broken {\n  void m() { undefinedCall(); }\n}\n")));
    assertTrue(error.getMessage().contains("X.md line 41: "), error.getMessage());
    assertTrue(error.getMessage().contains("undefinedCall"), error.getMessage());
  }

  static List<Snippet> snippets(String readme, List<String> lines) {
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!OPENING_FENCE.matcher(lines.get(i)).matches()) {
        continue;
      }
      int first = i + 1;
      StringBuilder code = new StringBuilder();
      int j = first;
      while (j < lines.size() && !CLOSING_FENCE.matcher(lines.get(j)).matches()) {
        code.append(lines.get(j)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        throw new AssertionError(readme + " line " + i + ": ```java block is never closed");
      }
      snippets.add(new Snippet(readme, first + 1, code.toString()));
      i = j;
    }
    return snippets;
  }

  private void check(Snippet snippet) throws Exception {
    if (PACKAGE.matcher(snippet.code()).find()) {
      throw new AssertionError(snippet.where() + ": a README block has no package declaration (see the convention"
          + " in ReadmeSnippetsTest)");
    }
    Matcher type = TOP_LEVEL_CLASS.matcher(snippet.code());
    if (!type.find()) {
      throw new AssertionError(snippet.where() + ": a README block is a complete compilation unit (imports and one"
          + " top-level class); found no class declared at the start of a line in:\n" + snippet.code());
    }
    String className = type.group(1);
    Path output = Files.createTempDirectory(classes, className);
    compile(snippet, className, output);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> compiled = loader.loadClass(className);
      if (hasJUnitTests(compiled)) {
        run(snippet, compiled);
      }
    }
  }

  private static void compile(Snippet snippet, String className, Path output) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return snippet.code();
      }
    };
    List<String> options = List.of("-d", output.toString(), "-classpath", testClassPath(), "--release", "17",
        "-proc:none", "-Xlint:-options");
    StringWriter compilerOutput = new StringWriter();
    boolean ok = compiler.getTask(compilerOutput, null, diagnostics, options, null, List.of(source)).call();
    if (!ok) {
      String errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> snippet.readme() + " line " + (snippet.firstLine() + d.getLineNumber() - 1) + ": "
              + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
      throw new AssertionError("the ```java block at " + snippet.where() + " does not compile:\n" + errors
          + compilerOutput);
    }
    try (Stream<Path> files = Files.list(output)) {
      List<String> topLevel = files.map(f -> f.getFileName().toString()).filter(n -> !n.contains("$"))
          .collect(Collectors.toList());
      assertEquals(List.of(className + ".class"), topLevel,
          snippet.where() + ": a README block declares one top-level class");
    }
  }

  private static boolean hasJUnitTests(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(Test.class));
  }

  private static void run(Snippet snippet, Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
      StringWriter report = new StringWriter();
      summary.printFailuresTo(new PrintWriter(report), 20);
      fail("the JUnit tests of the ```java block at " + snippet.where() + " did not pass ("
          + summary.getTestsSucceededCount() + " passed, " + summary.getTotalFailureCount() + " failed):\n" + report);
    }
  }

  /** The classpath this test runs with, jars named in a manifest-only surefire jar included. */
  private static String testClassPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String property : List.of("surefire.test.class.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        entries.addAll(Arrays.asList(value.split(File.pathSeparator)));
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path root() {
    return Path.of(System.getProperty("htapsync.repository.root", ".."));
  }
}
