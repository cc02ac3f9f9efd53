package cn.yn.employment.statistics.internal;

import cn.yn.employment.statistics.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** A {@link ReportTable} as an .xlsx workbook: numbers as numeric cells, rates as numbers formatted 0.00%. */
@Component
public class ExcelWriter {

    /** Row index (0-based) of the header row; data starts on the next row. */
    public static final int HEADER_ROW = 3;

    public byte[] write(ReportTable t, String generatedAt, String issuingUnit) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(safeSheetName(t.title()));
            int cols = Math.max(1, t.headers().size());

            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            CellStyle titleStyle = wb.createCellStyle();
            titleStyle.setFont(big);
            CellStyle header = bordered(wb);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            CellStyle text = bordered(wb);
            CellStyle integer = bordered(wb);
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            CellStyle decimal = bordered(wb);
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle percent = bordered(wb);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));

            Row r0 = sheet.createRow(0);
            Cell tc = r0.createCell(0);
            tc.setCellValue(t.title());
            tc.setCellStyle(titleStyle);
            if (cols > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, cols - 1));
            }
            sheet.createRow(1).createCell(0).setCellValue("调查期：" + t.periodCode() + "    统计范围：" + t.scopeLabel());
            sheet.createRow(2).createCell(0).setCellValue("制表单位：" + issuingUnit + "    生成时间：" + generatedAt);

            Row hr = sheet.createRow(HEADER_ROW);
            for (int i = 0; i < t.headers().size(); i++) {
                Cell c = hr.createCell(i);
                c.setCellValue(t.headers().get(i));
                c.setCellStyle(header);
            }
            int rowNo = HEADER_ROW + 1;
            for (List<Object> values : t.rows()) {
                Row row = sheet.createRow(rowNo++);
                for (int i = 0; i < values.size(); i++) {
                    Cell c = row.createCell(i);
                    Object v = values.get(i);
                    if (v instanceof Long || v instanceof Integer) {
                        c.setCellValue(((Number) v).doubleValue());
                        c.setCellStyle(integer);
                    } else if (v instanceof BigDecimal b) {
                        c.setCellValue(b.doubleValue());
                        c.setCellStyle(decimal);
                    } else if (v instanceof ReportTable.Percent p) {
                        c.setCellValue(p.fraction().doubleValue());
                        c.setCellStyle(percent);
                    } else {
                        c.setCellValue(v == null ? "" : v.toString());
                        c.setCellStyle(text);
                    }
                }
            }
            if (t.note() != null) {
                sheet.createRow(rowNo + 1).createCell(0).setCellValue(t.note());
            }
            sheet.setColumnWidth(0, 28 * 256);
            for (int i = 1; i < cols; i++) {
                sheet.setColumnWidth(i, 14 * 256);
            }
            sheet.createFreezePane(1, HEADER_ROW + 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static String safeSheetName(String title) {
        String s = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
