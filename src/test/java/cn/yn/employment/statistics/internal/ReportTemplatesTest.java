package cn.yn.employment.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report templates are compiled by the build and loaded, not compiled, at run time (ADR 0004). */
class ReportTemplatesTest {

    @Test
    void theRendererLoadsTheTemplatesTheBuildCompiled() {
        JasperRenderer renderer = new JasperRenderer();
        for (String name : new String[] {JasperRenderer.TABLE, JasperRenderer.RECEIPT}) {
            assertThat(JasperRenderer.class.getResource("/reports/" + name + JasperRenderer.COMPILED))
                    .as("the build writes reports/" + name + ".jasper (antrun compile-reports)").isNotNull();
            assertThat(renderer.template(name).getName()).isEqualTo(name);
            assertThat(renderer.origin(name)).isEqualTo(JasperRenderer.COMPILED);
            assertThat(renderer.template(name)).isSameAs(renderer.template(name));
        }
    }

    @Test
    void theBuildStepCompilesEveryTemplateAndSkipsThoseUpToDate(@TempDir Path out) throws Exception {
        Path source = Path.of("reports");
        long templates;
        try (var files = Files.list(source)) {
            templates = files.filter(f -> f.toString().endsWith(".jrxml")).count();
        }
        assertThat(ReportTemplateCompiler.compileAll(source, out)).isEqualTo((int) templates).isGreaterThanOrEqualTo(3);
        assertThat(out.resolve("statistics-table.jasper")).isNotEmptyFile();
        assertThat(out.resolve("receipt.jasper")).isNotEmptyFile();
        assertThat(ReportTemplateCompiler.compileAll(source, out)).isZero();
        Files.setLastModifiedTime(out.resolve("receipt.jasper"), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        assertThat(ReportTemplateCompiler.compileAll(source, out)).isEqualTo(1);
    }
}
