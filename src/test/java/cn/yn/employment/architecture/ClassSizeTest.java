package cn.yn.employment.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class over {@value #MAX_LINES} lines (issue #19): a class that grows past it is split along its seams into
 * small, well-named classes (docs/development.md, "Rules").
 */
class ClassSizeTest {

    static final int MAX_LINES = 400;
    static final Path MAIN = Path.of("src/main/java");

    /** Files allowed over the limit, each with the reason. Empty: keep it so. */
    static final Set<String> EXCEPTIONS = Set.of();

    @Test
    void noMainClassIsOverTheLimit() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(MAIN)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !EXCEPTIONS.contains(MAIN.relativize(p).toString().replace('\\', '/')))
                    .map(p -> MAIN.relativize(p) + " " + lines(p))
                    .filter(s -> Integer.parseInt(s.substring(s.lastIndexOf(' ') + 1)) > MAX_LINES)
                    .sorted().toList();
        }
        assertThat(tooLong).as("classes over %d lines: split them along their seams", MAX_LINES).isEmpty();
    }

    private static int lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return (int) l.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
