package cn.yn.employment.period.ui;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.period.CityWindow;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodCalendarService.CalendarPeriod;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 调查期管理 (province): periods with state and window; set windows, city windows, reminder offsets; reopen; archive. */
@Route(value = "periods", layout = MainLayout.class)
@RolesAllowed(Role.PROVINCE_REVIEWER_)
public class PeriodAdminView extends VerticalLayout implements HasViewTitle {

    private final transient PeriodCalendarService calendar;
    private final transient CodeService codes;
    final Grid<CalendarPeriod> grid = new Grid<>();
    final Button windowButton = new Button();
    final Button cityButton = new Button();
    final Button reopenButton = new Button();
    final Button archiveButton = new Button();
    final HorizontalLayout actions = new HorizontalLayout();

    final Button createButton = new Button();
    private final transient cn.yn.employment.period.PeriodService periods;

    private final java.time.Clock clock;

    public PeriodAdminView(java.time.Clock clock, PeriodCalendarService calendar, cn.yn.employment.period.PeriodService periods, CodeService codes) {
        this.calendar = calendar;
        this.periods = periods;
        this.clock = clock;
        this.codes = codes;
        setSizeFull();
        grid.setId("periods-grid");
        grid.addColumn(CalendarPeriod::code).setHeader(getTranslation("calendar.col.code")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("calendar.state." + p.state())).setHeader(getTranslation("calendar.col.state")).setAutoWidth(true);
        grid.addColumn(p -> Fmt.time(p.windowStart())).setHeader(getTranslation("calendar.col.start")).setAutoWidth(true);
        grid.addColumn(p -> Fmt.time(p.windowEnd())).setHeader(getTranslation("calendar.col.end")).setAutoWidth(true);
        grid.addColumn(p -> p.reminderOffsets().toString().replaceAll("[\\[\\] ]", "")).setHeader(getTranslation("calendar.col.offsets")).setAutoWidth(true);
        grid.addColumn(p -> p.cityWindows().stream().map(w -> codes.nameOf(CodeType.REGION, w.cityCode()) + " " + Fmt.time(w.end()))
                .reduce((a, b) -> a + "；" + b).orElse("")).setHeader(getTranslation("calendar.col.cityWindows")).setFlexGrow(2);
        grid.addSelectionListener(e -> updateButtons());

        windowButton.setText(getTranslation("calendar.action.window"));
        windowButton.setId("period-window");
        windowButton.addClickListener(e -> selected().ifPresent(this::openWindowDialog));
        cityButton.setText(getTranslation("calendar.action.cityWindows"));
        cityButton.setId("period-city-windows");
        cityButton.addClickListener(e -> selected().ifPresent(this::openCityDialog));
        reopenButton.setText(getTranslation("calendar.action.reopen"));
        reopenButton.setId("period-reopen");
        reopenButton.addClickListener(e -> selected().ifPresent(this::openReopenDialog));
        archiveButton.setText(getTranslation("calendar.action.archive"));
        archiveButton.setId("period-archive");
        archiveButton.addClickListener(e -> selected().ifPresent(p -> {
            try {
                calendar.archive(p.code());
                Feedback.success(getTranslation("calendar.archived", p.code()));
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
            refresh();
        }));
        createButton.setText(getTranslation("calendar.action.create"));
        createButton.setId("period-create");
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createButton.addClickListener(e -> openCreateDialog());
        actions.add(createButton, windowButton, cityButton, reopenButton, archiveButton);
        add(actions, grid);
        refresh();
    }

    Optional<CalendarPeriod> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    void refresh() {
        String keep = selected().map(CalendarPeriod::code).orElse(null);
        List<CalendarPeriod> periods = calendar.periods();
        grid.setItems(periods);
        periods.stream().filter(p -> p.code().equals(keep)).findFirst().ifPresent(grid::select);
        updateButtons();
    }

    private void updateButtons() {
        CalendarPeriod p = selected().orElse(null);
        boolean editable = p != null && ("SCHEDULED".equals(p.state()) || "OPEN".equals(p.state()));
        windowButton.setEnabled(editable);
        cityButton.setEnabled(editable);
        reopenButton.setEnabled(p != null && "CLOSED".equals(p.state()));
        archiveButton.setEnabled(p != null && "FORWARDED".equals(p.state()));
    }

    /** A new period with the default window (day WINDOW_START_DAY to WINDOW_END_DAY of the next month). */
    Dialog openCreateDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("calendar.action.create"));
        TextField code = new TextField(getTranslation("calendar.field.code"));
        code.setValue(java.time.YearMonth.now(clock).toString());
        Button ok = new Button(getTranslation("calendar.action.save"), e -> {
            try {
                String c = periods.create(code.getValue()).code();
                d.close();
                Feedback.success(getTranslation("calendar.created", c));
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, Map.of("code", code));
            }
        });
        ok.setId("create-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(code);
        d.getFooter().add(new Button(getTranslation("calendar.action.cancel"), e -> d.close()), ok);
        d.open();
        return d;
    }

    /** Window and reminder offsets of a period. */
    Dialog openWindowDialog(CalendarPeriod p) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("calendar.action.window") + " " + p.code());
        DateTimePicker start = new DateTimePicker(getTranslation("calendar.field.start"), Fmt.local(p.windowStart()));
        DateTimePicker end = new DateTimePicker(getTranslation("calendar.field.end"), Fmt.local(p.windowEnd()));
        start.setReadOnly(!"SCHEDULED".equals(p.state()));
        TextField offsets = new TextField(getTranslation("calendar.field.offsets"));
        offsets.setValue(p.reminderOffsets().toString().replaceAll("[\\[\\] ]", ""));
        offsets.setWidthFull();
        Button save = new Button(getTranslation("calendar.action.save"), e -> {
            try {
                calendar.setWindow(p.code(), Fmt.instant(start.getValue()), Fmt.instant(end.getValue()), parseOffsets(offsets.getValue()),
                        p.version());
                d.close();
                Feedback.success(getTranslation("calendar.saved"));
                refresh();
            } catch (RuntimeException ex) {
                Map<String, HasValidation> fields = Map.of("windowStart", start, "windowEnd", end, "offsets", offsets);
                Feedback.show(this, ex, fields);
            }
        });
        save.setId("window-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new VerticalLayout(start, end, offsets));
        d.getFooter().add(new Button(getTranslation("calendar.action.cancel"), e -> d.close()), save);
        d.open();
        return d;
    }

    /** The cities with their own window: list, add or change, remove. */
    Dialog openCityDialog(CalendarPeriod p) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("calendar.action.cityWindows") + " " + p.code());
        d.setWidth("820px");
        Grid<CityWindow> windows = new Grid<>();
        windows.addColumn(w -> codes.nameOf(CodeType.REGION, w.cityCode())).setHeader(getTranslation("calendar.field.city"));
        windows.addColumn(w -> Fmt.time(w.start())).setHeader(getTranslation("calendar.field.start"));
        windows.addColumn(w -> Fmt.time(w.end())).setHeader(getTranslation("calendar.field.end"));
        windows.addComponentColumn(w -> new Button(getTranslation("calendar.action.remove"), e -> {
            try {
                calendar.removeCityWindow(p.code(), w.cityCode());
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
            windows.setItems(calendar.period(p.code()).cityWindows());
            refresh();
        }));
        windows.setItems(p.cityWindows());
        windows.setAllRowsVisible(true);
        ComboBox<Code> city = new ComboBox<>(getTranslation("calendar.field.city"));
        city.setItems(codes.cities());
        city.setItemLabelGenerator(Code::name);
        DateTimePicker start = new DateTimePicker(getTranslation("calendar.field.start"), Fmt.local(p.windowStart()));
        DateTimePicker end = new DateTimePicker(getTranslation("calendar.field.end"), Fmt.local(p.windowEnd()));
        Button add = new Button(getTranslation("calendar.action.add"), e -> {
            try {
                calendar.setCityWindow(p.code(), city.getValue() == null ? null : city.getValue().code(),
                        Fmt.instant(start.getValue()), Fmt.instant(end.getValue()));
                windows.setItems(calendar.period(p.code()).cityWindows());
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, Map.of("city", city, "cityEnd", end));
            }
        });
        add.setId("city-window-add");
        HorizontalLayout form = new HorizontalLayout(city, start, end, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        d.add(windows, form);
        d.getFooter().add(new Button(getTranslation("calendar.action.close"), e -> d.close()));
        d.open();
        return d;
    }

    /** Reopen a closed period: new end and a reason. */
    Dialog openReopenDialog(CalendarPeriod p) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("calendar.action.reopen") + " " + p.code());
        DateTimePicker end = new DateTimePicker(getTranslation("calendar.field.newEnd"));
        TextArea reason = new TextArea(getTranslation("calendar.field.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        Button ok = new Button(getTranslation("calendar.action.reopen"), e -> {
            try {
                calendar.reopen(p.code(), Fmt.instant(end.getValue()), reason.getValue());
                d.close();
                Feedback.success(getTranslation("calendar.reopened", p.code()));
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex, Map.of("newEnd", end, "reason", reason));
            }
        });
        ok.setId("reopen-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new VerticalLayout(end, reason));
        d.getFooter().add(new Button(getTranslation("calendar.action.cancel"), e -> d.close()), ok);
        d.open();
        return d;
    }

    static List<Integer> parseOffsets(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : (s == null ? "" : s).split("[,，\\s]+")) {
            if (!part.isBlank()) {
                try {
                    out.add(Integer.valueOf(part.trim()));
                } catch (NumberFormatException e) {
                    out.add(-1);
                }
            }
        }
        return out;
    }

    @Override
    public String viewTitle() {
        return getTranslation("calendar.periods.title");
    }
}
