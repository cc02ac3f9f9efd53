package cn.yn.employment.migration.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.migration.MappingEntry;
import cn.yn.employment.migration.MappingKind;
import cn.yn.employment.migration.MappingService;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * System administrator: the migration's field and code mapping (column header → field, old code → code-table entry).
 * Picking a row fills the form; saving an existing kind + source changes its target.
 */
@Route(value = "admin/migration/mapping", layout = MainLayout.class)
@RolesAllowed(Role.SYSTEM_ADMIN_)
public class MappingView extends VerticalLayout implements HasViewTitle {

    private final transient MappingService mappings;
    final Select<MappingKind> filter = new Select<>();
    final Grid<MappingEntry> grid = new Grid<>();
    final Select<MappingKind> kind = new Select<>();
    final TextField source = new TextField();
    final TextField target = new TextField();
    final TextField note = new TextField();
    final Button save = new Button();

    public MappingView(MappingService mappings) {
        this.mappings = mappings;
        setId("migration-mapping-view");
        setSizeFull();
        Paragraph hint = new Paragraph(getTranslation("migration.mapping.hint"));
        hint.addClassName("ems-muted");

        filter.setLabel(getTranslation("migration.mapping.filter"));
        filter.setItems(MappingKind.values());
        filter.setEmptySelectionAllowed(true);
        filter.setEmptySelectionCaption(getTranslation("migration.mapping.allKinds"));
        filter.setItemLabelGenerator(k -> k == null ? getTranslation("migration.mapping.allKinds") : label(k));
        filter.setId("mapping-filter");
        filter.addValueChangeListener(e -> refresh());

        grid.setId("mapping-grid");
        grid.addColumn(e -> label(e.kind())).setHeader(getTranslation("migration.mapping.kind")).setAutoWidth(true);
        grid.addColumn(MappingEntry::source).setHeader(getTranslation("migration.mapping.source")).setAutoWidth(true);
        grid.addColumn(MappingEntry::target).setHeader(getTranslation("migration.mapping.target")).setAutoWidth(true);
        grid.addColumn(MappingEntry::note).setHeader(getTranslation("migration.mapping.note")).setFlexGrow(1);
        grid.addColumn(e -> MigrationView.TIME.format(e.updatedAt()) + " · " + e.updatedBy())
                .setHeader(getTranslation("migration.mapping.updated")).setAutoWidth(true);
        grid.addComponentColumn(e -> {
            Button delete = new Button(getTranslation("ui.delete"), c -> delete(e));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setId("delete-" + e.id());
            return delete;
        }).setHeader(getTranslation("ui.actions")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                kind.setValue(e.getValue().kind());
                source.setValue(e.getValue().source());
                target.setValue(e.getValue().target());
                note.setValue(e.getValue().note() == null ? "" : e.getValue().note());
            }
        });

        kind.setLabel(getTranslation("migration.mapping.kind"));
        kind.setItems(MappingKind.values());
        kind.setItemLabelGenerator(this::label);
        kind.setId("mapping-kind");
        source.setLabel(getTranslation("migration.mapping.source"));
        source.setId("mapping-source");
        target.setLabel(getTranslation("migration.mapping.target"));
        target.setId("mapping-target");
        note.setLabel(getTranslation("migration.mapping.note"));
        note.setId("mapping-note");
        save.setText(getTranslation("ui.save"));
        save.setId("mapping-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        HorizontalLayout form = new HorizontalLayout(kind, source, target, note, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(hint, filter, grid, form);
        setFlexGrow(1, grid);
        refresh();
    }

    private String label(MappingKind k) {
        return getTranslation("migration.kind." + k.name());
    }

    void save() {
        try {
            MappingEntry saved = mappings.save(kind.getValue(), source.getValue(), target.getValue(), note.getValue());
            Feedback.success(getTranslation("ui.saved"));
            source.clear();
            target.clear();
            note.clear();
            refresh();
            grid.select(saved);
        } catch (RuntimeException ex) {
            Feedback.show(this, ex, Map.of("kind", kind, "source", source, "target", target, "note", note));
        }
    }

    void delete(MappingEntry e) {
        try {
            mappings.delete(e.id());
            refresh();
        } catch (RuntimeException ex) {
            Feedback.show(this, ex);
        }
    }

    void refresh() {
        grid.setItems(mappings.list(filter.getValue()));
    }

    @Override
    public String viewTitle() {
        return getTranslation("migration.mapping.title");
    }
}
