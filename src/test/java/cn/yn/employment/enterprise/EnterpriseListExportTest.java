package cn.yn.employment.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Issue 20 §3: 导出 Excel of the enterprise list, the search's rows within the caller's scope. */
class EnterpriseListExportTest extends EnterpriseTestSupport {

    @Autowired EnterpriseExport exporter;

    @Test
    void aCityExportsItsOwnEnterprisesAndTheProvinceAll() throws Exception {
        EnterpriseView kunming = registerAndSignIn(WUHUA);
        EnterpriseView qujing = registerAndSignIn(QILIN);

        signIn(cityReviewer(KUNMING));
        List<List<String>> rows = export(null);
        assertThat(rows.get(0)).startsWith("统一社会信用代码", "企业名称", "市（州）");
        assertThat(rows).hasSize(1 + jdbc.queryForObject("select count(*) from enterprise where city_code = ?", Integer.class, KUNMING));
        assertThat(rows).extracting(r -> r.get(0)).contains(kunming.uscc()).doesNotContain(qujing.uscc());
        List<String> row = rows.stream().filter(r -> r.get(0).equals(kunming.uscc())).findFirst().orElseThrow();
        assertThat(row).contains(kunming.name(), "昆明市", "五华区");
        assertThat(export(kunming.name())).hasSize(2);

        signIn(provinceReviewer());
        assertThat(export(null)).hasSize(1 + jdbc.queryForObject("select count(*) from enterprise", Integer.class));
        assertThat(export(qujing.uscc())).extracting(r -> r.get(0)).containsExactly("统一社会信用代码", qujing.uscc());

        signIn(enterpriseUser(kunming.id()));
        assertThatThrownBy(() -> export(null)).isInstanceOf(AccessDeniedException.class);
    }

    private List<List<String>> export(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(text, Locale.SIMPLIFIED_CHINESE, out);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Row r : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getLastCellNum(); i++) {
                    var c = r.getCell(i);
                    cells.add(c == null ? "" : c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? String.valueOf((long) c.getNumericCellValue()) : c.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
