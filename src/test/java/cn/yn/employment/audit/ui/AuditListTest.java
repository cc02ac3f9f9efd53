package cn.yn.employment.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.audit.AuditExport;
import cn.yn.employment.audit.AuditLabels;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.audit.AuditQuery;
import cn.yn.employment.audit.AuditService;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.ui.KaribuSpring;
import com.github.mvysny.kaributesting.v10.GridKt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** Issue 20 §3 on the audit log: actions and object types in words, pick-lists as filters, Excel export. */
class AuditListTest extends FoundationTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final CurrentUser ADMIN = new CurrentUser(1, "audit-list-admin", "审计测试管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system());

    @Autowired ApplicationContext ctx;
    @Autowired AuditService audit;
    @Autowired AuditExport exporter;
    @Autowired AuditLog log;
    @Autowired Translations i18n;

    @BeforeEach
    void setUp() {
        KaribuSpring.setup(ctx);
        KaribuSpring.signIn(ADMIN);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    /** Every action the code records (literal or composed) has a label in both languages. */
    @Test
    void everyRecordedActionAndObjectTypeHasALabel() throws Exception {
        Set<String> actions = new TreeSet<>(audit.actions());
        Pattern literal = Pattern.compile("\\.record\\(\\s*\"([A-Z][A-Z_]+[A-Z])\"");
        Pattern ternary = Pattern.compile("\\.record\\([^\"]*\\?\\s*\"([A-Z_]+)\"\\s*:\\s*\"([A-Z_]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = literal.matcher(src);
                while (m.find()) {
                    actions.add(m.group(1));
                }
                m = ternary.matcher(src);
                while (m.find()) {
                    actions.add(m.group(1));
                    actions.add(m.group(2));
                }
            }
        }
        // composed in FilingTaskListener, ReportChain and Handover
        for (String level : List.of("CITY", "PROVINCE")) {
            actions.add("FILING_" + level + "_APPROVED");
            actions.add("FILING_" + level + "_RETURNED");
        }
        actions.addAll(List.of("REPORT_CITY_RETURNED", "REPORT_PROVINCE_RETURNED_CITY", "REPORT_PROVINCE_RETURNED_ENTERPRISE",
                "REVIEW_TRANSFER", "REVIEW_DELEGATE", "REVIEW_RESOLVE", "REVIEW_COPY"));
        assertThat(actions).hasSizeGreaterThan(50);
        assertThat(actions).allSatisfy(a -> {
            assertThat(AuditLabels.action(i18n, ZH, a)).as(a).isNotEqualTo(a);
            assertThat(AuditLabels.action(i18n, Locale.ENGLISH, a)).as(a).isNotEqualTo(a);
        });
        assertThat(audit.targetTypes()).allSatisfy(t -> assertThat(AuditLabels.targetType(i18n, ZH, t)).as(t).isNotEqualTo(t));
        assertThat(AuditLabels.targetType(i18n, ZH, "REPORT")).isEqualTo(AuditLabels.targetType(i18n, ZH, "report")).isEqualTo("月报");
        assertThat(AuditLabels.targetType(i18n, ZH, "code:REGION")).isEqualTo("代码表（行政区划）");
    }

    @Test
    void theViewShowsWordsAndFiltersWithPickLists() {
        log.record("REVIEW_CLAIM", "REPORT", "990001", null, null);
        log.record("REPORT_SUBMITTED", "report", "990001", null, null);
        AuditView view = KaribuSpring.view(ctx, AuditView.class);
        assertThat(view.action.getListDataView().getItems().toList()).contains("REVIEW_CLAIM", "REPORT_SUBMITTED");
        String reportTypes = view.targetType.getListDataView().getItems().filter(t -> t.contains("report")).findFirst().orElseThrow();
        assertThat(reportTypes.split(",")).containsExactlyInAnyOrder("REPORT", "report");
        assertThat(view.targetType.getItemLabelGenerator().apply(reportTypes)).isEqualTo("月报");

        _setValue(view.targetType, reportTypes);
        view.targetId.setValue("990001");
        view.search();
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("提交月报", "月报").doesNotContain("REPORT_SUBMITTED", "report");
        assertThat(GridKt._getFormattedRow(view.grid, 1)).contains("认领", "月报");
        _setValue(view.action, "REVIEW_CLAIM");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
    }

    @Test
    void excelExportHoldsTheSearchAndIsAudited() throws Exception {
        log.record("NOTICE_CREATED", "notice", "880001", null, null);
        log.record("NOTICE_PUBLISHED", "notice", "880001", null, null);
        AuditQuery q = new AuditQuery(null, null, "notice", "880001", null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(exporter.write(q, ZH, out)).isEqualTo(2);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("发布通知");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("NOTICE_PUBLISHED");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("通知公告");
        }
        assertThat(audit.search(new AuditQuery(null, "AUDIT_EXPORTED", null, null, null, null), 0, 1)).isNotEmpty();
        KaribuSpring.signIn(new CurrentUser(2, "prov", "prov", Set.of(Role.PROVINCE_REVIEWER), Scope.province()));
        assertThatThrownBy(() -> exporter.write(q, ZH, new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
    }
}
