package cn.yn.employment.migration.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.LegacyExportGenerator;
import cn.yn.employment.migration.MappingKind;
import cn.yn.employment.migration.MigrationTestBase;
import cn.yn.employment.ui.KaribuSpring;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The import and mapping views in Karibu: upload, dry run, load with progress, batches, rollback; the mapping editor. */
class MigrationViewsTest extends MigrationTestBase {

    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void karibu() {
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void theViewsAreForTheSystemAdministratorOnly() {
        assertThat(MigrationView.class.getAnnotation(RolesAllowed.class).value()).containsExactly(Role.SYSTEM_ADMIN_);
        assertThat(MappingView.class.getAnnotation(RolesAllowed.class).value()).containsExactly(Role.SYSTEM_ADMIN_);
        signIn(Scope.province(), Role.PROVINCE_REVIEWER);
        assertThatThrownBy(() -> KaribuSpring.view(ctx, MigrationView.class)).matches(KaribuSpring::denied);
        assertThatThrownBy(() -> KaribuSpring.view(ctx, MappingView.class)).matches(KaribuSpring::denied);
        signInAdmin();
        UI.getCurrent().navigate("admin/migration");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).anyMatch(MigrationView.class::isInstance);
    }

    @Test
    void theAdministratorDryRunsLoadsAndRollsBackWithProgress(@TempDir Path tmp) throws Exception {
        LegacyExportGenerator.write(tmp, 40, 6, YearMonth.of(2025, 6), 8101L, "view", true);
        signInAdmin();
        MigrationView view = KaribuSpring.view(ctx, MigrationView.class);
        view.executor = Runnable::run;
        for (FileKind k : FileKind.values()) {
            view.accept(k, k.name().toLowerCase() + ".csv", Files.readAllBytes(tmp.resolve(k.name().toLowerCase() + ".csv")));
        }
        assertThat(view.fileLabels.get(FileKind.USERS).getText()).contains("users.csv");
        double[] highest = {0};
        view.progress.getElement().addPropertyChangeListener("value", e -> highest[0] = Math.max(highest[0], view.progress.getValue()));

        view.start(false);
        assertThat(view.status.getText()).startsWith("试运行完成");
        assertThat(view.issues.getGenericDataView().getItems().map(i -> i.reason())).contains("usccCheckDigit", "regionMapped", "usccMissingOrgCode");
        assertThat(view.downloads.getChildren()).anyMatch(c -> c instanceof Anchor a && "download-dry-run".equals(a.getId().orElse("")));
        assertThat(view.load.isEnabled()).isTrue();
        assertThat(highest[0]).isEqualTo(1.0);
        int batchesBefore = (int) view.batches.getGenericDataView().getItems().count();

        view.start(true);
        assertThat(view.status.getText()).startsWith("导入完成");
        assertThat(view.batches.getGenericDataView().getItems().count()).isEqualTo(batchesBefore + 1);
        long batch = view.lastReport.batchId();
        assertThat(view.downloads.getChildren()).anyMatch(c -> c instanceof Anchor a && "download-passwords".equals(a.getId().orElse("")));
        assertThat(view.totals.getGenericDataView().getItems()).allMatch(l -> l.explained());

        view.showBatch(migration.batch(batch));
        assertThat(view.status.getText()).contains(Long.toString(batch));
        view.rollback(batch);
        assertThat(view.status.getText()).isEqualTo("批次 " + batch + " 已撤销");
        assertThat(countOfBatch("enterprise", batch)).isZero();
        assertThat(view.batches.getGenericDataView().getItems().filter(b -> b.id() == batch).findFirst().orElseThrow().rolledBack()).isTrue();
    }

    @Test
    void theMappingEditorShowsFieldErrorsAndSaves() {
        signInAdmin();
        MappingView view = KaribuSpring.view(ctx, MappingView.class);
        view.kind.setValue(MappingKind.INDUSTRY_2011);
        view.source.setValue("78");
        view.target.setValue("00");
        view.save();
        assertThat(view.target.isInvalid()).isTrue();
        assertThat(view.target.getErrorMessage()).isEqualTo("目标应为2017 版行业大类代码");

        view.target.setValue("78");
        view.save();
        assertThat(view.target.isInvalid()).isFalse();
        view.filter.setValue(MappingKind.INDUSTRY_2011);
        assertThat(view.grid.getGenericDataView().getItems()).anyMatch(e -> e.source().equals("78") && e.target().equals("78"));
        assertThat(view.grid.getGenericDataView().getItems()).allMatch(e -> e.kind() == MappingKind.INDUSTRY_2011);
        view.delete(view.grid.getGenericDataView().getItems().filter(e -> e.source().equals("78")).findFirst().orElseThrow());
        assertThat(view.grid.getGenericDataView().getItems()).noneMatch(e -> e.source().equals("78"));
    }
}
