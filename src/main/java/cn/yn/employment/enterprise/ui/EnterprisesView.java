package cn.yn.employment.enterprise.ui;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.enterprise.EnterpriseExport;
import cn.yn.employment.enterprise.EnterpriseService;
import cn.yn.employment.ui.ExcelDownload;
import com.vaadin.flow.component.html.Anchor;
import cn.yn.employment.enterprise.EnterpriseView;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Reviewers' list of enterprises in their scope with the filing state; a city reviewer creates an enterprise of
 * its city together with the enterprise's account.
 */
@Route(value = "enterprises", layout = MainLayout.class)
@RolesAllowed({Role.CITY_REVIEWER_, Role.PROVINCE_REVIEWER_})
public class EnterprisesView extends VerticalLayout implements HasViewTitle {

    private final transient EnterpriseService enterprises;
    private final transient CodeService codes;
    private final CurrentUser me;
    final TextField search = new TextField();
    final Grid<EnterpriseView> grid = new Grid<>();
    final Button create = new Button();

    final Anchor export;
    /** The search the grid shows, read by the Excel download's request. */
    private volatile String shownText = "";

    public EnterprisesView(EnterpriseService enterprises, EnterpriseExport exporter, CodeService codes, CurrentUserProvider users) {
        this.enterprises = enterprises;
        this.codes = codes;
        this.me = users.require();
        setSizeFull();
        search.setId("enterprise-search");
        search.setPlaceholder(getTranslation("enterprise.search.placeholder"));
        search.setWidth("22em");   // the placeholder 企业名称或统一社会信用代码 in full
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> {
            shownText = search.getValue();
            grid.getDataProvider().refreshAll();
        });
        java.util.Locale locale = getLocale();
        export = ExcelDownload.button("enterprise-export", getTranslation("ui.exportExcel"),
                ExcelDownload.dated(getTranslation("enterprise.export.file", "{0}")),
                out -> exporter.write(shownText, locale, out));
        create.setText(getTranslation("enterprise.action.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.setId("create-enterprise");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(me.has(Role.CITY_REVIEWER) && me.scope().cityCode() != null);
        create.addClickListener(e -> openCreate());
        grid.setId("enterprise-grid");
        grid.addColumn(EnterpriseView::uscc).setHeader(getTranslation("enterprise.label.uscc")).setAutoWidth(true).setFlexGrow(0);
        // the name takes the width the other columns leave (they keep their content's width), so it is not cut short
        grid.addColumn(EnterpriseView::name).setHeader(getTranslation("enterprise.label.name")).setFlexGrow(1).setWidth("16em");
        grid.addColumn(v -> codes.nameOf(CodeType.REGION, v.countyCode())).setHeader(getTranslation("enterprise.label.county")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> codes.nameOf(CodeType.INDUSTRY, v.industryDivision())).setHeader(getTranslation("enterprise.label.industry")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EnterpriseView::baselineHeadcount).setHeader(getTranslation("enterprise.label.baselineHeadcount")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> getTranslation("enterprise.filingState." + v.filingState().name()))
                .setHeader(getTranslation("enterprise.label.state")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> enterprises.search(null, search.getValue(), q.getOffset(), q.getLimit()).stream());
        grid.setSizeFull();
        add(new HorizontalLayout(search, create, export), grid);
    }

    void openCreate() {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("enterprise.create.title"));
        RegistrationFields fields = new RegistrationFields(codes,
                codes.cities().stream().filter(c -> c.code().equals(me.scope().cityCode())).toList());
        Button save = new Button(getTranslation("ui.save"), e -> {
            try {
                enterprises.createForCity(fields.value());
                Feedback.success(getTranslation("ui.saved"));
                d.close();
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, fields.fields());
            }
        });
        save.setId("save-enterprise");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(fields);
        d.setWidth("720px");
        d.getFooter().add(new Button(getTranslation("ui.cancel"), e -> d.close()), save);
        d.open();
    }

    @Override
    public String viewTitle() {
        return getTranslation("enterprise.list.title");
    }
}
