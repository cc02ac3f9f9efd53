package cn.yn.employment.notice.ui;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.notice.Notice;
import cn.yn.employment.notice.NoticeForm;
import cn.yn.employment.notice.NoticeReader;
import cn.yn.employment.notice.NoticeService;
import cn.yn.employment.notice.NoticeTarget;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/** Writing notices: list, edit drafts (Markdown with preview), publish, withdraw, read receipts. */
@Route(value = "notices/manage", layout = MainLayout.class)
@RolesAllowed({Role.PROVINCE_REVIEWER_, Role.CITY_REVIEWER_})
public class NoticeManageView extends VerticalLayout implements HasViewTitle {

    private final transient NoticeService notices;
    private final transient CodeService codes;
    private final CurrentUser me;
    final Grid<Notice> grid = new Grid<>();
    final Button newButton = new Button();
    final Button editButton = new Button();
    final Button publishButton = new Button();
    final Button withdrawButton = new Button();
    final Button readersButton = new Button();

    public NoticeManageView(NoticeService notices, CodeService codes, CurrentUserProvider users) {
        this.notices = notices;
        this.codes = codes;
        this.me = users.require();
        setSizeFull();
        Map<String, String> cityNames = codes.cities().stream().collect(Collectors.toMap(Code::code, Code::name, (a, b) -> a));
        grid.setId("notices-manage-grid");
        grid.addColumn(Notice::title).setHeader(getTranslation("notice.col.title")).setFlexGrow(3);
        grid.addColumn(n -> switch (n.target()) {
            case ALL -> getTranslation("notice.target.ALL");
            case CITIES -> n.cities().stream().map(c -> cityNames.getOrDefault(c, c)).collect(Collectors.joining("、"));
            case INDUSTRY -> getTranslation("notice.target.INDUSTRY") + " " + n.industrySection();
        }).setHeader(getTranslation("notice.col.target")).setFlexGrow(2);
        grid.addColumn(n -> getTranslation("notice.state." + n.state().name())).setHeader(getTranslation("notice.col.state")).setAutoWidth(true);
        grid.addColumn(n -> n.publishedAt() == null ? "" : NotificationBell.TIME.format(n.publishedAt()))
                .setHeader(getTranslation("notice.col.published")).setAutoWidth(true);
        grid.addColumn(n -> n.state() == Notice.State.DRAFT ? "" : n.read() + " / " + n.recipients())
                .setHeader(getTranslation("notice.col.receipts")).setAutoWidth(true);
        grid.addSelectionListener(e -> updateButtons());

        newButton.setText(getTranslation("notice.action.new"));
        newButton.setId("notice-new");
        newButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newButton.addClickListener(e -> openEditor(null));
        editButton.setText(getTranslation("notice.action.edit"));
        editButton.setId("notice-edit");
        editButton.addClickListener(e -> selected().ifPresent(this::openEditor));
        publishButton.setText(getTranslation("notice.action.publish"));
        publishButton.setId("notice-publish");
        publishButton.addClickListener(e -> selected().ifPresent(n -> act(() -> {
            int count = notices.publish(n.id());
            Feedback.success(getTranslation("notice.published", count));
        })));
        withdrawButton.setText(getTranslation("notice.action.withdraw"));
        withdrawButton.setId("notice-withdraw");
        withdrawButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        withdrawButton.addClickListener(e -> selected().ifPresent(n -> act(() -> notices.withdraw(n.id()))));
        readersButton.setText(getTranslation("notice.action.readers"));
        readersButton.setId("notice-readers");
        readersButton.addClickListener(e -> selected().ifPresent(this::openReaders));
        add(new HorizontalLayout(newButton, editButton, publishButton, withdrawButton, readersButton), grid);
        refresh();
    }

    private java.util.Optional<Notice> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void updateButtons() {
        Notice n = selected().orElse(null);
        editButton.setEnabled(n != null && n.state() == Notice.State.DRAFT);
        publishButton.setEnabled(n != null && n.state() == Notice.State.DRAFT);
        withdrawButton.setEnabled(n != null && n.state() == Notice.State.PUBLISHED);
        readersButton.setEnabled(n != null && n.state() != Notice.State.DRAFT);
    }

    private void act(Runnable r) {
        try {
            r.run();
        } catch (DomainException | AccessDeniedException | org.springframework.dao.OptimisticLockingFailureException e) {
            Feedback.show(this, e);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(notices.managed());
        updateButtons();
    }

    /** The editor dialog, for a new notice (null) or a draft. */
    NoticeEditor openEditor(Notice existing) {
        NoticeEditor editor = new NoticeEditor(existing);
        editor.open();
        return editor;
    }

    void openReaders(Notice n) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("notice.readers.title", n.title()));
        d.setWidth("900px");
        Grid<NoticeReader> readers = new Grid<>();
        readers.setId("notice-readers-grid");
        readers.addColumn(NoticeReader::displayName).setHeader(getTranslation("notice.readers.user"));
        readers.addColumn(r -> r.enterpriseName() == null ? "" : r.enterpriseName()).setHeader(getTranslation("notice.readers.enterprise"));
        readers.addColumn(r -> r.cityCode() == null ? "" : codes.nameOf(CodeType.REGION, r.cityCode())).setHeader(getTranslation("notice.readers.city"));
        readers.addColumn(r -> r.phone() == null ? "" : r.phone()).setHeader(getTranslation("notice.readers.phone"));
        readers.addColumn(r -> r.readAt() == null ? getTranslation("notice.unread") : NotificationBell.TIME.format(r.readAt()))
                .setHeader(getTranslation("notice.readers.readAt"));
        List<NoticeReader> all = notices.readers(n.id(), false);
        long unread = all.stream().filter(r -> r.readAt() == null).count();
        Span summary = new Span(getTranslation("notice.readers.summary", all.size() - unread, all.size(), unread));
        summary.setId("notice-readers-summary");
        readers.setItems(all);
        d.add(summary, readers);
        d.getFooter().add(new Button(getTranslation("notice.action.close"), e -> d.close()));
        d.open();
    }

    /** Markdown editor with target selection and a live preview. */
    class NoticeEditor extends Dialog {
        final TextField title = new TextField(getTranslation("notice.field.title"));
        final TextArea markdown = new TextArea(getTranslation("notice.field.markdown"));
        final RadioButtonGroup<NoticeTarget> target = new RadioButtonGroup<>(getTranslation("notice.field.target"));
        final MultiSelectComboBox<Code> cities = new MultiSelectComboBox<>(getTranslation("notice.field.cities"));
        final ComboBox<Code> industry = new ComboBox<>(getTranslation("notice.field.industry"));
        final Button save = new Button(getTranslation("notice.action.save"));
        private final VerticalLayout preview = new VerticalLayout();

        NoticeEditor(Notice existing) {
            setHeaderTitle(getTranslation(existing == null ? "notice.action.new" : "notice.action.edit"));
            setWidth("900px");
            title.setWidthFull();
            title.setMaxLength(200);
            markdown.setWidthFull();
            markdown.setMinHeight("240px");
            markdown.setHelperText(getTranslation("notice.field.markdownHelp"));
            boolean province = me.has(Role.PROVINCE_REVIEWER);
            target.setItems(province ? List.of(NoticeTarget.values()) : List.of(NoticeTarget.CITIES));
            target.setItemLabelGenerator(t -> getTranslation("notice.target." + t.name()));
            List<Code> cityCodes = codes.cities();
            cities.setItems(province ? cityCodes
                    : cityCodes.stream().filter(c -> c.code().equals(me.scope().cityCode())).toList());
            cities.setItemLabelGenerator(Code::name);
            cities.setWidthFull();
            industry.setItems(codes.roots(CodeType.INDUSTRY));
            industry.setItemLabelGenerator(c -> c.code() + " " + c.name());
            industry.setWidthFull();
            target.addValueChangeListener(e -> {
                cities.setVisible(e.getValue() == NoticeTarget.CITIES);
                industry.setVisible(e.getValue() == NoticeTarget.INDUSTRY);
            });
            if (existing != null) {
                title.setValue(existing.title());
                markdown.setValue(existing.markdown());
                target.setValue(existing.target());
                cities.setValue(cityCodes.stream().filter(c -> existing.cities().contains(c.code())).collect(Collectors.toSet()));
                codes.roots(CodeType.INDUSTRY).stream().filter(c -> c.code().equals(existing.industrySection())).findFirst()
                        .ifPresent(industry::setValue);
            } else if (province) {
                target.setValue(NoticeTarget.ALL);
            } else {
                target.setValue(NoticeTarget.CITIES);
                cities.setValue(cityCodes.stream().filter(c -> c.code().equals(me.scope().cityCode())).collect(Collectors.toSet()));
            }
            markdown.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            markdown.addValueChangeListener(e -> renderPreview());
            preview.addClassName("ems-notice-preview");
            renderPreview();
            add(new VerticalLayout(title, target, cities, industry, markdown, new Span(getTranslation("notice.preview")), preview));
            save.setId("notice-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> {
                NoticeForm f = new NoticeForm(title.getValue(), markdown.getValue(), target.getValue(),
                        new ArrayList<>(cities.getValue().stream().map(Code::code).sorted().toList()),
                        industry.getValue() == null ? null : industry.getValue().code());
                try {
                    if (existing == null) {
                        notices.create(f);
                    } else {
                        notices.update(existing.id(), f, existing.version());
                    }
                    close();
                    refresh();
                    Feedback.success(getTranslation("notice.saved"));
                } catch (DomainException | AccessDeniedException | org.springframework.dao.OptimisticLockingFailureException ex) {
                    Map<String, HasValidation> fields = Map.of("title", title, "markdown", markdown, "cities", cities,
                            "industrySection", industry);
                    Feedback.show(this, ex, fields);
                }
            });
            getFooter().add(new Button(getTranslation("notice.action.cancel"), e -> close()), save);
        }

        private void renderPreview() {
            preview.removeAll();
            preview.add(new Html(cn.yn.employment.notice.internal.MarkdownRenderer.toHtml(markdown.getValue())));
        }
    }

    @Override
    public String viewTitle() {
        return getTranslation("notice.manage.title");
    }
}
