package io.htapsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The sandbox README's complete Java examples (those declaring a test class) compile and pass as written. */
class ReadmeExamplesTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^class (\\w+)");

    @Test
    void testClassExamplesCompileAndPass(@TempDir Path dir) throws Exception {
        List<String> examples = completeExamples();
        assertFalse(examples.isEmpty(), "no complete example in " + README.toAbsolutePath());
        for (String source : examples) {
            Matcher name = CLASS_NAME.matcher(source);
            assertTrue(name.find());
            Path file = Files.writeString(dir.resolve(name.group(1) + ".java"), source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            boolean compiled = javac.getTask(errors, null, null,
                    List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path")), null,
                    javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
            assertTrue(compiled, "README example " + name.group(1) + " does not compile:\n" + errors);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
                Class<?> example = loader.loadClass(name.group(1));
                Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(example)).execute()
                        .testEvents();
                assertEquals(List.of(), events.failed().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class)
                                .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?"))
                        .toList(), "README example " + name.group(1) + " failed");
                assertTrue(events.succeeded().count() > 0, name.group(1) + " ran no test");
            }
        }
        assertEquals(examples.size(), examples.stream().distinct().count());
    }

    private static List<String> completeExamples() throws IOException {
        List<String> examples = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
        while (block.find()) {
            if (CLASS_NAME.matcher(block.group(1)).find() && block.group(1).contains("@Test")) {
                examples.add(block.group(1));
            }
        }
        return examples;
    }
}
