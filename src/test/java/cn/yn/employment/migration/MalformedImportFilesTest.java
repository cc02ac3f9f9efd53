package cn.yn.employment.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.DomainException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 (issue 14), the malformed-file part of the bad-input corpus: the migration's upload (CSV or Excel, the only file
 * upload of the application) given empty, binary, truncated, mislabelled or unparseable files in place of each of the
 * three files of an export. The dry run and the load answer with a reason (a refusal naming the problem, or the
 * report's issues), never an unexpected exception (in the view: "import failed" with a stack trace in the log), and a
 * refused load stores nothing.
 */
class MalformedImportFilesTest extends MigrationTestBase {

    @Test
    void everyMalformedFileIsAnsweredWithAReasonAndNothingIsStored(@TempDir Path tmp) throws Exception {
        signInAdmin();
        Path xlsx = tmp.resolve("enterprises.xlsx");
        CsvToXlsx.convert(SAMPLE.resolve("enterprises.csv"), xlsx);
        byte[] realXlsx = Files.readAllBytes(xlsx);
        byte[] garbage = new byte[64 * 1024];
        new Random(14).nextBytes(garbage);

        Map<String, byte[]> csv = new LinkedHashMap<>(); // the malformed files, by name
        csv.put("empty.csv", new byte[0]);
        csv.put("binary.csv", garbage);
        csv.put("header-only.csv", firstLine(SAMPLE.resolve("enterprises.csv")));
        csv.put("wrong-header.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        csv.put("unterminated-quote.csv", concat(firstLine(SAMPLE.resolve("enterprises.csv")),
                "\"91530100MA6CKQXX1X,\"未闭合的引号,530102\n".getBytes(StandardCharsets.UTF_8)));
        csv.put("one-megabyte-line.csv", "x".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8));
        csv.put("garbage.xlsx", garbage);
        csv.put("truncated.xlsx", java.util.Arrays.copyOf(realXlsx, realXlsx.length * 6 / 10));
        csv.put("zip-without-workbook.xlsx", zipWith("a.txt", "不是工作簿"));
        csv.put("html-named.xlsx", "<html><body><table><tr><td>1</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8));

        int enterprises = count("enterprise");
        int reports = count("report");
        int users = count("app_user");
        int batches = count("migration_batch");
        List<String> unexpected = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        int cases = 0;
        for (FileKind kind : FileKind.values()) {
            for (Map.Entry<String, byte[]> bad : csv.entrySet()) {
                List<ImportFile> files = new ArrayList<>(files(SAMPLE).stream().filter(f -> f.kind() != kind).toList());
                files.add(ImportFile.of(kind, kind.name().toLowerCase() + "-" + bad.getKey(), bad.getValue(), null));
                // the load as well for the first file kind (a load of the sample takes a few seconds)
                for (boolean load : kind == FileKind.values()[0] ? new boolean[] {false, true} : new boolean[] {false}) {
                    cases++;
                    String label = kind + " " + bad.getKey() + (load ? " load" : " dry run");
                    try {
                        ImportReport r = load ? migration.load(files, null) : migration.dryRun(files, null);
                        long onFile = r.issues().stream().filter(i -> i.file() == kind).count();
                        answers.put(label, "report, " + onFile + " issues on the file");
                        if (load && r.batchId() != null) {
                            migration.rollback(r.batchId()); // a load that went through: take it back for the next case
                        }
                    } catch (DomainException e) {
                        answers.put(label, "refused " + e.messageKey());
                    } catch (RuntimeException e) {
                        unexpected.add(label + ": " + e);
                    }
                }
            }
        }
        answers.forEach((k, v) -> System.out.println("  " + k + " -> " + v));
        System.out.printf("S3 malformed files: %d malformed files x %d file kinds (dry run; and the load for %s) = %d cases,"
                + " %d unexpected exceptions%n", csv.size(), FileKind.values().length, FileKind.values()[0], cases, unexpected.size());
        assertThat(unexpected).isEmpty();
        assertThat(count("enterprise")).isEqualTo(enterprises);
        assertThat(count("report")).isEqualTo(reports);
        assertThat(count("app_user")).isEqualTo(users);
        assertThat(jdbc.queryForObject("select count(*) from migration_batch where state <> 'ROLLED_BACK'", Integer.class))
                .isLessThanOrEqualTo(batches);
    }

    private static byte[] firstLine(Path csv) throws Exception {
        String text = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        return (text.substring(0, text.indexOf('\n') + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] zipWith(String name, String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
