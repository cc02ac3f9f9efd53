package cn.yn.employment.statistics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build step (maven-antrun, phase {@code process-classes}): compiles every {@code reports/*.jrxml} to
 * {@code target/classes/reports/*.jasper}, so the running application only loads the compiled report and never
 * needs a Java compiler (a JRE has neither {@code jdk.compiler} nor {@code javac}; ADR 0004). Templates whose
 * {@code .jasper} is newer than the source are left alone.
 *
 * <p>Usage: {@code ReportTemplateCompiler <source dir> <target dir>}.
 */
public final class ReportTemplateCompiler {

    private ReportTemplateCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReportTemplateCompiler <source dir> <target dir>");
        }
        int compiled = compileAll(Path.of(args[0]), Path.of(args[1]));
        System.out.println("report templates compiled: " + compiled);
    }

    /** Compiles the stale templates of {@code source} into {@code target}; returns how many were compiled. */
    public static int compileAll(Path source, Path target) throws IOException, JRException {
        Files.createDirectories(target);
        List<Path> templates;
        try (Stream<Path> files = Files.list(source)) {
            templates = files.filter(p -> p.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
        int compiled = 0;
        for (Path jrxml : templates) {
            String name = jrxml.getFileName().toString();
            Path jasper = target.resolve(name.substring(0, name.length() - ".jrxml".length()) + JasperRenderer.COMPILED);
            if (Files.exists(jasper) && Files.getLastModifiedTime(jasper).compareTo(Files.getLastModifiedTime(jrxml)) > 0) {
                continue;
            }
            JasperCompileManager.compileReportToFile(jrxml.toString(), jasper.toString());
            compiled++;
        }
        return compiled;
    }
}
