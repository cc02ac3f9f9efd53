package cn.yn.employment.statistics.internal;

import cn.yn.employment.statistics.ReportTable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import org.springframework.stereotype.Component;

/**
 * Fills the report templates of {@code classpath:reports/} and exports PDF. The build compiles each JRXML to a
 * {@code .jasper} (ADR 0004), so no Java compiler is needed at run time; without one (IDE runs) the JRXML is
 * compiled on first use. Either way a template is loaded once and kept. Text uses the font family
 * {@code EmsCjk} of the font extension ({@code fonts/fonts.xml}), embedded with Identity-H so Chinese survives.
 */
@Component
public class JasperRenderer {

    public static final String TABLE = "statistics-table";
    public static final String RECEIPT = "receipt";
    static final int MAX_COLUMNS = 10;

    static final String COMPILED = ".jasper";
    static final String SOURCE = ".jrxml";

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();
    private final Map<String, String> origins = new ConcurrentHashMap<>();

    /**
     * The report of {@code classpath:reports/<name>}: the {@code .jasper} the build compiled
     * ({@link ReportTemplateCompiler}), or, when there is none (a run from an IDE without the Maven build), the
     * {@code .jrxml} compiled on first use. Either way kept for the life of the application.
     */
    JasperReport template(String name) {
        return compiled.computeIfAbsent(name, n -> {
            try (InputStream jasper = JasperRenderer.class.getResourceAsStream("/reports/" + n + COMPILED)) {
                if (jasper != null) {
                    origins.put(n, COMPILED);
                    return (JasperReport) JRLoader.loadObject(jasper);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JRException e) {
                throw new IllegalStateException("cannot load reports/" + n + COMPILED, e);
            }
            try (InputStream in = JasperRenderer.class.getResourceAsStream("/reports/" + n + SOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("no report template reports/" + n + SOURCE);
                }
                origins.put(n, SOURCE);
                return JasperCompileManager.compileReport(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JRException e) {
                throw new IllegalStateException("cannot compile reports/" + n + SOURCE, e);
            }
        });
    }

    /** Where a loaded template came from: {@code .jasper} (built) or {@code .jrxml} (compiled here); null if not loaded. */
    String origin(String name) {
        return origins.get(name);
    }

    /** A statistics table as PDF: title, period, scope, generation time, issuing unit, page X of Y, chart. */
    public byte[] table(ReportTable t, String generatedAt, String issuingUnit) {
        if (t.headers().size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("at most " + MAX_COLUMNS + " columns");
        }
        Map<String, Object> params = common(t.title(), t.periodCode(), t.scopeLabel(), generatedAt, issuingUnit, t.note());
        for (int i = 0; i < t.headers().size(); i++) {
            params.put("h" + i, t.headers().get(i));
        }
        if (t.chartPng() != null) {
            params.put("chart", image(t.chartPng()));
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < r.size() && i < MAX_COLUMNS; i++) {
                m.put("c" + i, ReportTable.text(r.get(i)));
            }
            rows.add(m);
        }
        return export(TABLE, params, rows);
    }

    /** The receipt: label/value lines. */
    public byte[] receipt(String title, String period, String scope, String receiptNo, List<String[]> lines, String note,
                          String generatedAt, String issuingUnit) {
        Map<String, Object> params = common(title, period, scope, generatedAt, issuingUnit, note);
        params.put("receiptNo", receiptNo);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String[] l : lines) {
            rows.add(Map.of("label", l[0], "value", l[1] == null ? "" : l[1]));
        }
        return export(RECEIPT, params, rows);
    }

    private static Map<String, Object> common(String title, String period, String scope, String generatedAt,
                                              String issuingUnit, String note) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put("period", period);
        params.put("scope", scope);
        params.put("generatedAt", generatedAt);
        params.put("issuingUnit", issuingUnit);
        params.put("note", note);
        return params;
    }

    private byte[] export(String template, Map<String, Object> params, List<Map<String, ?>> rows) {
        try {
            JasperPrint print = JasperFillManager.fillReport(template(template), params, new JRMapCollectionDataSource(rows));
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new IllegalStateException("cannot render report " + template, e);
        }
    }

    private static BufferedImage image(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
