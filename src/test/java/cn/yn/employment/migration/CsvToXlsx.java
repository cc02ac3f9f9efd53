package cn.yn.employment.migration;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Saves a CSV export as .xlsx, as an administrator opening it in Excel and saving would (blank lines stay blank rows). */
final class CsvToXlsx {

    private CsvToXlsx() {
    }

    static void convert(Path csv, Path xlsx) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx);
             CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new java.io.StringReader(text))) {
            Sheet s = wb.createSheet("企业");
            int n = 0;
            for (CSVRecord r : p) {
                Row row = s.createRow(n++);
                List<String> values = r.toList();
                if (values.size() == 1 && values.get(0).isEmpty()) {
                    continue;
                }
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    // headcounts as numbers, as Excel would store them; the rest as text (codes keep their leading zeros)
                    if (v.matches("^[1-9]\\d{0,6}$") && i == 13) {
                        row.createCell(i).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
    }
}
