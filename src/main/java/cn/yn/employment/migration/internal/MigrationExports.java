package cn.yn.employment.migration.internal;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.migration.BatchView;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.ReconciliationLine;
import cn.yn.employment.migration.RowIssue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The dry-run report and the reconciliation as .xlsx (streamed, so a list of a million issues fits), and the
 * reconciliation as PDF through {@code reports/migration-reconciliation.jrxml} (font EmsCjk, so Chinese survives).
 * Texts in Chinese, the language of the province's records.
 */
@Component
public class MigrationExports {

    static final String TEMPLATE = "migration-reconciliation";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Translations i18n;
    private final CodeService codes;
    private final Clock clock;
    private volatile JasperReport template;

    MigrationExports(Translations i18n, CodeService codes, Clock clock) {
        this.i18n = i18n;
        this.codes = codes;
        this.clock = clock;
    }

    public byte[] dryRunExcel(ImportReport r) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = boldStyle(wb);
            Sheet files = wb.createSheet(t("migration.excel.files"));
            header(files, bold, "migration.col.file", "migration.col.name", "migration.col.encoding", "migration.col.rows", "migration.col.sha256");
            int n = 1;
            for (ImportReport.FileSummary f : r.files()) {
                row(files, n++, t("migration.file." + f.kind()), f.name(), f.encoding(), f.rows(), f.sha256());
            }
            issuesSheet(wb, bold, r.issues());
            linesSheet(wb, bold, r.lines());
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] reconciliationExcel(BatchView batch, List<ReconciliationLine> lines, List<RowIssue> issues) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = boldStyle(wb);
            Sheet summary = wb.createSheet(t("migration.excel.batch"));
            row(summary, 0, t("migration.pdf.title", batch.id()));
            row(summary, 1, t("migration.pdf.loaded", STAMP.format(batch.loadedAt().atZone(TimeConfig.ZONE)), batch.loadedBy()));
            int n = 2;
            for (String f : batch.files().split("\n")) {
                row(summary, n++, f);
            }
            linesSheet(wb, bold, lines);
            issuesSheet(wb, bold, issues);
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] reconciliationPdf(BatchView batch, List<ReconciliationLine> lines) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", t("migration.pdf.title", batch.id()));
        params.put("subtitle", t("migration.pdf.loaded", STAMP.format(batch.loadedAt().atZone(TimeConfig.ZONE)), batch.loadedBy())
                + (batch.rolledBack() ? "　" + t("migration.state.ROLLED_BACK") : ""));
        params.put("generatedAt", STAMP.format(ZonedDateTime.now(clock.withZone(TimeConfig.ZONE))));
        boolean all = lines.stream().allMatch(ReconciliationLine::explained);
        params.put("verdict", t(all ? "migration.pdf.allExplained" : "migration.pdf.notExplained"));
        String[] heads = {"migration.col.table", "migration.col.city", "migration.col.period", "migration.col.sourceRows",
                "migration.col.rejectedRows", "migration.col.presentRows", "migration.col.loadedRows", "migration.col.sourceEmployees",
                "migration.col.loadedEmployees", "migration.col.sourceReductions", "migration.col.loadedReductions", "migration.col.explained"};
        for (int i = 0; i < heads.length; i++) {
            params.put("h" + i, t(heads[i]));
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ReconciliationLine l : lines) {
            Object[] v = lineValues(l);
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < v.length; i++) {
                m.put("c" + i, String.valueOf(v[i]));
            }
            rows.add(m);
        }
        try {
            return JasperExportManager.exportReportToPdf(JasperFillManager.fillReport(template(), params, new JRMapCollectionDataSource(rows)));
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the reconciliation PDF", e);
        }
    }

    /** Table, city, period, source/rejected/present/loaded rows, employees and reductions (source, loaded), explained. */
    private Object[] lineValues(ReconciliationLine l) {
        return new Object[] {t("migration.file." + l.table()), cityName(l.cityCode()), l.periodCode(), l.sourceRows(), l.rejectedRows(),
                l.presentRows(), l.loadedRows(), l.sourceEmployees(), l.loadedEmployees(), l.sourceReductions(), l.loadedReductions(),
                t(l.explained() ? "migration.explained.yes" : "migration.explained.no")};
    }

    public String cityName(String code) {
        if (code == null || code.isEmpty()) {
            return t("migration.city.unknown");
        }
        return codes.nameOf(CodeType.REGION, code);
    }

    private void issuesSheet(SXSSFWorkbook wb, CellStyle bold, List<RowIssue> issues) {
        Sheet s = wb.createSheet(t("migration.excel.issues"));
        header(s, bold, "migration.col.file", "migration.col.line", "migration.col.field", "migration.col.outcome",
                "migration.col.reason", "migration.col.detail", "migration.col.city", "migration.col.period");
        int n = 1;
        for (RowIssue i : issues) {
            row(s, n++, t("migration.file." + i.file()), i.line(), i.field(), t("migration.outcome." + i.outcome()),
                    t(i.reasonKey()), i.detail(), i.cityCode() == null ? "" : cityName(i.cityCode()), i.periodCode());
        }
    }

    private void linesSheet(SXSSFWorkbook wb, CellStyle bold, List<ReconciliationLine> lines) {
        Sheet s = wb.createSheet(t("migration.excel.totals"));
        header(s, bold, "migration.col.table", "migration.col.city", "migration.col.period", "migration.col.sourceRows",
                "migration.col.rejectedRows", "migration.col.presentRows", "migration.col.loadedRows", "migration.col.sourceEmployees",
                "migration.col.loadedEmployees", "migration.col.sourceReductions", "migration.col.loadedReductions",
                "migration.col.explained", "migration.col.rejectedEmployees", "migration.col.presentEmployees");
        int n = 1;
        for (ReconciliationLine l : lines) {
            Object[] v = lineValues(l);
            Object[] all = java.util.Arrays.copyOf(v, v.length + 2);
            all[v.length] = l.rejectedEmployees();
            all[v.length + 1] = l.presentEmployees();
            row(s, n++, all);
        }
    }

    private void header(Sheet s, CellStyle bold, String... keys) {
        Row r = s.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            r.createCell(i).setCellValue(t(keys[i]));
            r.getCell(i).setCellStyle(bold);
            s.setColumnWidth(i, 16 * 256);
        }
    }

    private static void row(Sheet s, int index, Object... values) {
        Row r = s.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number num) {
                r.createCell(i).setCellValue(num.doubleValue());
            } else {
                r.createCell(i).setCellValue(v == null ? "" : v.toString());
            }
        }
    }

    private static CellStyle boldStyle(SXSSFWorkbook wb) {
        Font f = wb.createFont();
        f.setBold(true);
        CellStyle s = wb.createCellStyle();
        s.setFont(f);
        return s;
    }

    private String t(String key, Object... args) {
        return i18n.getTranslation(key, Locale.SIMPLIFIED_CHINESE, args);
    }

    /** The compiled template of the build (ADR 0004), or the JRXML compiled on first use (IDE runs). */
    private JasperReport template() {
        JasperReport t = template;
        if (t != null) {
            return t;
        }
        try (InputStream jasper = MigrationExports.class.getResourceAsStream("/reports/" + TEMPLATE + ".jasper")) {
            if (jasper != null) {
                t = (JasperReport) JRLoader.loadObject(jasper);
            } else {
                try (InputStream jrxml = MigrationExports.class.getResourceAsStream("/reports/" + TEMPLATE + ".jrxml")) {
                    t = JasperCompileManager.compileReport(jrxml);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("cannot load reports/" + TEMPLATE, e);
        }
        template = t;
        return t;
    }
}
