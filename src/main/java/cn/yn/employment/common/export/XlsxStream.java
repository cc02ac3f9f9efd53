package cn.yn.employment.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One list as an .xlsx sheet, streamed: Apache POI's SXSSF keeps only a window of rows in memory and writes the
 * rest to a temporary file, so an export of any size does not hold the list. Text is always a string cell (never a
 * formula, whatever it starts with); numbers are numeric cells. Use in try-with-resources: {@link #close()} removes
 * the temporary file.
 */
public final class XlsxStream implements AutoCloseable {

    /** The media type of .xlsx files. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int WINDOW = 200;

    private final SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle header;
    private final int columns;
    private int next;
    private long rows;

    public XlsxStream(String sheetName, List<String> headers) {
        sheet = wb.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        columns = headers.size();
        Row r = sheet.createRow(next++);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = r.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Appends one row; null is an empty cell, numbers are numeric, anything else its text. */
    public XlsxStream row(Object... values) {
        Row r = sheet.createRow(next++);
        for (int i = 0; i < values.length && i < Math.max(columns, values.length); i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell c = r.createCell(i);
            if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else {
                c.setCellValue(v.toString());
            }
        }
        rows++;
        return this;
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    public void writeTo(OutputStream out) {
        try {
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats an instant with the given formatter, or empty text for null. */
    public static String time(DateTimeFormatter f, Instant i) {
        return i == null ? "" : f.format(i);
    }

    @Override
    public void close() {
        try {
            wb.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose(); // removes the temporary file (close does not)
        }
    }
}
