package cn.yn.employment.period.ui;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.period.LateFilingGrant;
import cn.yn.employment.period.LateFilingService;
import cn.yn.employment.period.NonReporter;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.ProgressService;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/** 补报授权: the province picks a closed period, chooses non-reporters and grants them hours to submit; lists and revokes grants. */
@Route(value = "late-filing", layout = MainLayout.class)
@RolesAllowed(Role.PROVINCE_REVIEWER_)
public class LateFilingView extends VerticalLayout implements HasViewTitle {

    private final transient LateFilingService grants;
    private final transient ProgressService progress;
    private final transient CodeService codes;
    final ComboBox<String> period = new ComboBox<>();
    final ComboBox<Code> city = new ComboBox<>();
    final Grid<NonReporter> candidates = new Grid<>();
    final IntegerField hours = new IntegerField();
    final TextField reason = new TextField();
    final Button grant = new Button();
    final Grid<LateFilingGrant> granted = new Grid<>();

    public LateFilingView(LateFilingService grants, ProgressService progress, PeriodCalendarService calendar, CodeService codes) {
        this.grants = grants;
        this.progress = progress;
        this.codes = codes;
        setSizeFull();
        period.setLabel(getTranslation("calendar.grant.period"));
        period.setId("grant-period");
        period.setItems(calendar.periods().stream().filter(p -> "CLOSED".equals(p.state()))
                .map(PeriodCalendarService.CalendarPeriod::code).toList());
        city.setLabel(getTranslation("calendar.field.city"));
        city.setId("grant-city");
        city.setItems(codes.cities());
        city.setItemLabelGenerator(Code::name);
        city.setClearButtonVisible(true);

        candidates.setId("grant-candidates");
        candidates.setSelectionMode(Grid.SelectionMode.MULTI);
        candidates.addColumn(NonReporter::name).setHeader(getTranslation("calendar.progress.col.enterprise")).setFlexGrow(2);
        candidates.addColumn(n -> codes.nameOf(CodeType.REGION, n.cityCode())).setHeader(getTranslation("calendar.grant.col.city")).setAutoWidth(true);
        candidates.addColumn(n -> codes.nameOf(CodeType.REGION, n.countyCode())).setHeader(getTranslation("calendar.progress.col.county")).setAutoWidth(true);
        candidates.addColumn(n -> n.reportState() == null ? getTranslation("calendar.progress.notStarted")
                : getTranslation("calendar.progress.reportState." + n.reportState())).setHeader(getTranslation("calendar.progress.col.reportState")).setAutoWidth(true);
        candidates.setHeight("320px");

        hours.setLabel(getTranslation("calendar.grant.hours"));
        hours.setId("grant-hours");
        hours.setValue(grants.defaultHours());
        hours.setMin(1);
        hours.setMax(grants.maxHours());
        hours.setStepButtonsVisible(true);
        hours.setHelperText(getTranslation("calendar.grant.hoursHelp", grants.defaultHours(), grants.maxHours()));
        reason.setLabel(getTranslation("calendar.grant.reason"));
        reason.setId("grant-reason");
        reason.setMaxLength(500);
        reason.setWidth("24em");
        grant.setText(getTranslation("calendar.grant.action"));
        grant.setId("grant-button");
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grant.addClickListener(e -> doGrant());

        granted.setId("grants-grid");
        granted.addColumn(LateFilingGrant::enterpriseName).setHeader(getTranslation("calendar.grant.col.enterprise")).setFlexGrow(2);
        granted.addColumn(g -> codes.nameOf(CodeType.REGION, g.cityCode())).setHeader(getTranslation("calendar.grant.col.city")).setAutoWidth(true);
        granted.addColumn(g -> Fmt.time(g.grantedAt())).setHeader(getTranslation("calendar.grant.col.grantedAt")).setAutoWidth(true);
        granted.addColumn(g -> Fmt.time(g.expiresAt())).setHeader(getTranslation("calendar.grant.col.expiresAt")).setAutoWidth(true);
        granted.addColumn(LateFilingGrant::grantedBy).setHeader(getTranslation("calendar.grant.col.grantedBy")).setAutoWidth(true);
        granted.addColumn(g -> getTranslation("calendar.grant.state." + g.state().name())).setHeader(getTranslation("calendar.grant.col.state")).setAutoWidth(true);
        granted.addComponentColumn(g -> {
            Button revoke = new Button(getTranslation("calendar.grant.revoke"), e -> {
                try {
                    grants.revoke(g.id());
                } catch (RuntimeException ex) {
                    Feedback.show(this, ex);
                }
                load();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.setVisible(g.state() == LateFilingGrant.State.ACTIVE);
            return revoke;
        }).setAutoWidth(true);

        HorizontalLayout form = new HorizontalLayout(hours, reason, grant);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new HorizontalLayout(period, city), new H3(getTranslation("calendar.grant.candidates")), candidates, form,
                new H3(getTranslation("calendar.grant.list")), granted);
        period.addValueChangeListener(e -> load());
        city.addValueChangeListener(e -> load());
    }

    void load() {
        String code = period.getValue();
        if (code == null) {
            candidates.setItems(List.of());
            granted.setItems(List.of());
            return;
        }
        candidates.setItems(progress.nonReporters(code, city.getValue() == null ? null : city.getValue().code(), null));
        granted.setItems(grants.grants(code));
    }

    void doGrant() {
        try {
            List<LateFilingGrant> made = grants.grant(period.getValue(),
                    candidates.getSelectedItems().stream().map(NonReporter::enterpriseId).toList(),
                    hours.getValue() == null ? 0 : hours.getValue(), reason.getValue());
            Feedback.success(getTranslation("calendar.grant.done", made.size()));
            reason.clear();
            load();
        } catch (RuntimeException e) {
            Map<String, HasValidation> fields = Map.of("hours", hours, "reason", reason, "period", period);
            Feedback.show(this, e, fields);
        }
    }

    @Override
    public String viewTitle() {
        return getTranslation("calendar.grant.title");
    }
}
