package cn.yn.employment.migration.internal;

import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ImportFile;
import cn.yn.employment.migration.Outcome;
import cn.yn.employment.migration.RowIssue;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One input file read row by row, with its columns renamed to fields by the column mapping. CSV is streamed (any
 * size); .xlsx (first sheet) is read whole, so it is for files Excel can hold (≤ 1,048,575 rows). Blank lines come
 * back as rows without values; the caller reports them. SHA-256 of the bytes is known after the last row.
 */
final class SourceTable implements Closeable, Iterator<SourceTable.SourceRow> {

    /** A data row: its line in the file (the header is line 1) and the raw value of each mapped field. */
    record SourceRow(int line, Map<String, String> values) {
        boolean blank() {
            return values.values().stream().allMatch(v -> v == null || v.isBlank());
        }

        String get(String field) {
            String v = values.get(field);
            return v == null ? "" : v.strip();
        }
    }

    private final FileKind kind;
    private final MessageDigest digest;
    private final List<RowIssue> notes = new ArrayList<>();
    private final Iterator<SourceRow> rows;
    private final Closeable resource;
    private final String encoding;
    private final int totalRows;

    private SourceTable(FileKind kind, MessageDigest digest, Iterator<SourceRow> rows, Closeable resource, String encoding,
                        int totalRows) {
        this.kind = kind;
        this.digest = digest;
        this.rows = rows;
        this.resource = resource;
        this.encoding = encoding;
        this.totalRows = totalRows;
    }

    static SourceTable open(ImportFile file, Map<String, String> columnToField) {
        MessageDigest sha = newSha256();
        try {
            return file.excel() ? excel(file, columnToField, sha) : csv(file, columnToField, sha);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceTable csv(ImportFile file, Map<String, String> columnToField, MessageDigest sha) throws IOException {
        int lines = countLines(file);
        BufferedInputStream in = new BufferedInputStream(new DigestInputStream(file.open(), sha), 1 << 16);
        in.mark(TextDecoding.SAMPLE + 1);
        byte[] head = in.readNBytes(TextDecoding.SAMPLE);
        in.reset();
        TextDecoding.Detected enc = TextDecoding.detect(head, head.length, file.encoding());
        if (enc.bom()) {
            in.skipNBytes(3);
        }
        Reader reader = new InputStreamReader(in, enc.charset());
        CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get().parse(reader);
        Iterator<CSVRecord> it = parser.iterator();
        List<String> header = it.hasNext() ? it.next().toList() : List.of();
        List<RowIssue> notes = new ArrayList<>();
        String[] fields = fieldsOf(file.kind(), header, columnToField, notes);
        Iterator<SourceRow> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public SourceRow next() {
                CSVRecord r = it.next();
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < fields.length && i < r.size(); i++) {
                    if (fields[i] != null) {
                        values.put(fields[i], r.get(i));
                    }
                }
                return new SourceRow((int) r.getRecordNumber(), values);
            }
        };
        SourceTable table = new SourceTable(file.kind(), sha, rows, parser, enc.label(), Math.max(0, lines - 1));
        if (enc.bom()) {
            note(table.notes, file.kind(), "bomRemoved", "");
        }
        note(table.notes, file.kind(), enc.guessed() ? "encodingDetected" : "encodingChosen", enc.label());
        table.notes.addAll(notes);
        return table;
    }

    private static SourceTable excel(ImportFile file, Map<String, String> columnToField, MessageDigest sha) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = new DigestInputStream(file.open(), sha)) {
            wb = new XSSFWorkbook(in);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        Sheet sheet = wb.getSheetAt(0);
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        Row headRow = sheet.getRow(sheet.getFirstRowNum());
        List<String> header = new ArrayList<>();
        if (headRow != null) {
            for (int i = 0; i < headRow.getLastCellNum(); i++) {
                header.add(text(headRow.getCell(i), formatter));
            }
        }
        int first = sheet.getFirstRowNum() + 1;
        int last = sheet.getLastRowNum();
        List<RowIssue> notes = new ArrayList<>();
        String[] fields = fieldsOf(file.kind(), header, columnToField, notes);
        Iterator<SourceRow> rows = new Iterator<>() {
            int next = first;

            @Override
            public boolean hasNext() {
                return next <= last;
            }

            @Override
            public SourceRow next() {
                if (next > last) {
                    throw new NoSuchElementException();
                }
                Row r = sheet.getRow(next);
                Map<String, String> values = new HashMap<>();
                for (int i = 0; r != null && i < fields.length; i++) {
                    if (fields[i] != null) {
                        values.put(fields[i], text(r.getCell(i), formatter));
                    }
                }
                return new SourceRow(++next, values);
            }
        };
        SourceTable table = new SourceTable(file.kind(), sha, rows, wb, "xlsx", Math.max(0, last - first + 1));
        table.notes.addAll(notes);
        return table;
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A cell as text: dates as yyyy-MM-dd HH:mm:ss, whole numbers without ".0", text as is. */
    private static String text(Cell c, DataFormatter formatter) {
        if (c == null) {
            return "";
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(c)) {
                LocalDateTime t = c.getLocalDateTimeCellValue();
                return t.format(ISO);
            }
            double d = c.getNumericCellValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        if (type == CellType.STRING) {
            return c.getStringCellValue();
        }
        return formatter.formatCellValue(c);
    }

    /** The field of each column (null for a column the mapping does not know, which is reported and ignored). */
    private static String[] fieldsOf(FileKind kind, List<String> header, Map<String, String> columnToField, List<RowIssue> notes) {
        String[] fields = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").strip();
            fields[i] = columnToField.get(h);
            if (fields[i] == null && !h.isEmpty()) {
                note(notes, kind, "columnUnmapped", h);
            }
        }
        java.util.Set<String> present = new java.util.HashSet<>(java.util.Arrays.asList(fields));
        for (String f : cn.yn.employment.migration.MigrationFields.of(kind)) {
            if (!present.contains(f)) {
                note(notes, kind, "columnAbsent", f);
            }
        }
        return fields;
    }

    private static void note(List<RowIssue> notes, FileKind kind, String reason, String detail) {
        notes.add(new RowIssue(kind, 0, "file", Outcome.NOTE, reason, detail, null, null));
    }

    List<RowIssue> notes() {
        return notes;
    }

    String encoding() {
        return encoding;
    }

    int totalRows() {
        return totalRows;
    }

    /** SHA-256 of the file's bytes; complete once every row has been read. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public SourceRow next() {
        return rows.next();
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int countLines(ImportFile file) throws IOException {
        int n = 0;
        boolean trailing = false;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = file.open()) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
                trailing = buf[r - 1] != '\n';
            }
        }
        return trailing ? n + 1 : n;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
