package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.BpmnValidationException;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ProcessAdminService;
import cn.yn.employment.processadmin.ValidationProblem;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Edits the latest version of a process in the bpmn-js modeler. A form beside the canvas edits the selected
 * element's name, candidate groups, due date and documentation (bpmn-js has no prebuilt properties panel).
 * Validate lists the problems and outlines their elements in red; deploy creates a new version with a comment.
 */
@Route(value = "process/editor/:key", layout = MainLayout.class)
@RolesAllowed(Role.PROCESS_ADMIN_)
public class EditorView extends VerticalLayout implements BeforeEnterObserver, HasViewTitle {

    private final transient ProcessAdminService service;
    final BpmnModeler modeler = new BpmnModeler();
    final TextField elementId = new TextField();
    final TextField elementType = new TextField();
    final TextField name = new TextField();
    final TextField candidateGroups = new TextField();
    final TextField dueDate = new TextField();
    final TextArea documentation = new TextArea();
    final Button apply = new Button();
    final TextField comment = new TextField();
    final Button validate = new Button();
    final Button deploy = new Button();
    final Grid<ValidationProblem> problems = new Grid<>();
    /** Modelling warnings (bpmnlint's recommended rules): shown with the validation result, never blocking. */
    final Grid<ValidationProblem> warnings = new Grid<>();
    final H3 warningsTitle = new H3();
    final Paragraph status = new Paragraph();
    final Div changes = new Div();
    private DefinitionVersion base;
    private String title = "";
    /** The last model the browser sent; what validate and deploy worked on. */
    String lastReceivedXml;

    public EditorView(ProcessAdminService service) {
        this.service = service;
        setId("process-editor");
        setWidthFull();
        modeler.setId("editor-modeler");
        modeler.setHeight("460px");
        modeler.setWidth(null);
        modeler.getElement().getStyle().set("min-width", "0").set("flex", "1 1 auto");

        elementId.setLabel(t("processadmin.editor.id"));
        elementId.setReadOnly(true);
        elementType.setLabel(t("processadmin.editor.type"));
        elementType.setReadOnly(true);
        name.setLabel(t("processadmin.editor.name"));
        name.setId("prop-name");
        candidateGroups.setLabel(t("processadmin.editor.candidateGroups"));
        candidateGroups.setId("prop-candidate-groups");
        candidateGroups.setHelperText("province / city:${cityCode} / city:530100");
        dueDate.setLabel(t("processadmin.editor.dueDate"));
        dueDate.setId("prop-due-date");
        dueDate.setHelperText("P5D / ${dueDate}");
        documentation.setLabel(t("processadmin.editor.documentation"));
        documentation.setId("prop-documentation");
        apply.setText(t("processadmin.editor.apply"));
        apply.setId("prop-apply");
        apply.addClickListener(e -> modeler.applyProperties(elementId.getValue(), name.getValue(),
                candidateGroups.getValue(), dueDate.getValue(), documentation.getValue()));
        VerticalLayout form = new VerticalLayout(new H3(t("processadmin.editor.element")), elementId, elementType, name,
                candidateGroups, dueDate, documentation, apply);
        form.setId("properties-form");
        form.setPadding(false);
        form.setWidth("320px");
        form.setHeight("460px");
        form.setSpacing(false);
        form.getStyle().set("flex-shrink", "0").set("overflow", "auto");
        List.of(elementId, elementType, name, candidateGroups, dueDate).forEach(f -> f.setWidthFull());
        documentation.setWidthFull();
        documentation.setMaxHeight("140px");
        showSelection(null);
        modeler.setSelectionListener(this::showSelection);
        modeler.setChangeListener(x -> status.setText(""));

        HorizontalLayout canvasAndForm = new HorizontalLayout(modeler, form);
        canvasAndForm.setWidthFull();
        canvasAndForm.setFlexGrow(1, modeler);
        canvasAndForm.setAlignItems(FlexComponent.Alignment.START);

        comment.setLabel(t("processadmin.editor.comment"));
        comment.setId("deploy-comment");
        comment.setWidth("480px");
        comment.setMaxLength(1000);
        validate.setText(t("processadmin.editor.validate"));
        validate.setId("editor-validate");
        validate.addClickListener(e -> withModel(this::runValidation));
        deploy.setText(t("processadmin.editor.deploy"));
        deploy.setId("editor-deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.addClickListener(e -> withModel(this::runDeploy));
        HorizontalLayout bar = new HorizontalLayout(comment, validate, deploy);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        status.setId("editor-status");
        problems.setId("editor-problems");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.addColumn(p -> p.elementId() == null ? t("processadmin.editor.wholeModel") : p.elementId())
                .setHeader(t("processadmin.editor.problemElement")).setWidth("200px").setFlexGrow(0);
        problems.addColumn(p -> t(p.messageKey(), p.detail())).setHeader(t("processadmin.editor.problemMessage")).setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        problems.addItemClickListener(e -> {
            if (e.getItem().elementId() != null) {
                modeler.select(e.getItem().elementId());
            }
        });
        warningsTitle.setText(t("processadmin.editor.warnings"));
        warningsTitle.setId("editor-warnings-title");
        warnings.setId("editor-warnings");
        warnings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        warnings.addColumn(p -> p.elementId() == null ? t("processadmin.editor.wholeModel") : p.elementId())
                .setHeader(t("processadmin.editor.problemElement")).setWidth("200px").setFlexGrow(0);
        warnings.addColumn(p -> t(p.messageKey(), p.detail())).setHeader(t("processadmin.editor.warningMessage")).setFlexGrow(1);
        warnings.setAllRowsVisible(true);
        warnings.addItemClickListener(e -> {
            if (e.getItem().elementId() != null) {
                modeler.select(e.getItem().elementId());
            }
        });
        showWarnings(List.of());
        changes.setId("editor-changes");
        changes.setWidthFull();
        add(bar, canvasAndForm, status, problems, warningsTitle, warnings, changes);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        try {
            base = service.latest(key);
        } catch (DomainException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        title = t("processadmin.editor.title", base.name() == null ? base.key() : base.name());
        status.setText(t("processadmin.editor.basedOn", base.version()));
        modeler.importXml(service.xml(base.id()));
    }

    void showSelection(BpmnModeler.Selection s) {
        boolean some = s != null;
        elementId.setValue(some ? s.id() : "");
        elementType.setValue(some ? s.type() : t("processadmin.editor.noSelection"));
        name.setValue(some ? Objects.toString(s.name(), "") : "");
        candidateGroups.setValue(some ? Objects.toString(s.candidateGroups(), "") : "");
        dueDate.setValue(some ? Objects.toString(s.dueDate(), "") : "");
        documentation.setValue(some ? Objects.toString(s.documentation(), "") : "");
        boolean userTask = some && "bpmn:UserTask".equals(s.type());
        candidateGroups.setEnabled(userTask);
        dueDate.setEnabled(userTask);
        List.of(name, documentation).forEach(f -> f.setEnabled(some));
        apply.setEnabled(some);
    }

    /** Pulls the model from the browser; the callback runs with the session locked. */
    private void withModel(java.util.function.Consumer<String> action) {
        modeler.saveXml().whenComplete((xml, err) -> {
            if (err != null) {
                Feedback.error(t("ui.error.generic", err.getMessage()));
                return;
            }
            lastReceivedXml = xml;
            action.accept(xml);
        });
    }

    /** Validates the model the browser sent: blocking problems and modelling warnings. */
    public void runValidation(String xml) {
        try {
            List<ValidationProblem> found = service.validate(base.key(), xml);
            List<ValidationProblem> advice = service.warnings(xml);
            showProblems(found);
            showWarnings(advice);
            showChanges(xml);
            status.setText(!found.isEmpty() ? t("processadmin.editor.problems", found.size())
                    : advice.isEmpty() ? t("processadmin.editor.valid") : t("processadmin.editor.validWithWarnings", advice.size()));
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
    }

    void runDeploy(String xml) {
        try {
            DefinitionVersion created = service.deploy(base.key(), xml, comment.getValue());
            showProblems(List.of());
            showWarnings(service.warnings(xml));
            showChanges(null);
            changes.add(DefinitionsView.changesGrid(this, service.diff(base.id(), created.id())));
            base = created;
            comment.clear();
            comment.setInvalid(false);
            status.setText(t("processadmin.editor.deployed", created.version()));
            Feedback.success(t("processadmin.editor.deployed", created.version()));
        } catch (BpmnValidationException e) {
            showProblems(e.problems());
            status.setText(t("processadmin.editor.problems", e.problems().size()));
            Feedback.show(this, e);
        } catch (RuntimeException e) {
            Feedback.show(this, e, Map.of("comment", comment));
        }
    }

    private void showProblems(List<ValidationProblem> found) {
        problems.setItems(found);
        problems.setVisible(!found.isEmpty());
        modeler.markProblems(found.stream().map(ValidationProblem::elementId).filter(Objects::nonNull).distinct().toList());
    }

    private void showWarnings(List<ValidationProblem> found) {
        warnings.setItems(found);
        warnings.setVisible(!found.isEmpty());
        warningsTitle.setVisible(!found.isEmpty());
    }

    private void showChanges(String xml) {
        changes.removeAll();
        if (xml != null) {
            changes.add(new H3(t("processadmin.editor.changes")));
            try {
                Component grid = DefinitionsView.changesGrid(this, service.diffAgainst(base.id(), xml));
                changes.add(grid);
            } catch (IllegalArgumentException e) {
                // unreadable model: the problems list already says why
            }
        }
    }

    String baseDefinitionId() {
        return base == null ? null : base.id();
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String viewTitle() {
        return title;
    }
}
