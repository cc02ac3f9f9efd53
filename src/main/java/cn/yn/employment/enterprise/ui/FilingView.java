package cn.yn.employment.enterprise.ui;

import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.enterprise.EnterpriseService;
import cn.yn.employment.enterprise.EnterpriseView;
import cn.yn.employment.enterprise.FilingRequestView;
import cn.yn.employment.enterprise.FilingService;
import cn.yn.employment.enterprise.FilingVersionView;
import cn.yn.employment.enterprise.RequestKind;
import cn.yn.employment.enterprise.RequestState;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The enterprise's filing (备案): fill in, save a draft, submit; see the state and any return reason; after a
 * return edit and resubmit; once filed, apply for a change through the same chain.
 */
@Route(value = "enterprise/filing", layout = MainLayout.class)
@RolesAllowed(Role.ENTERPRISE_)
public class FilingView extends VerticalLayout implements HasViewTitle {

    static final DateTimeFormatter TIME = BusinessTime.MINUTES;

    private final transient EnterpriseService enterprises;
    private final transient FilingService filings;
    final FilingForm form;
    final Span state = new Span();
    final Div notice = new Div();
    final Div returnReason = new Div();
    final Button saveDraft = new Button();
    final Button submit = new Button();
    final Button startChange = new Button();
    final Grid<FilingVersionView> history = new Grid<>();
    private EnterpriseView enterprise;
    private FilingRequestView request;

    public FilingView(EnterpriseService enterprises, FilingService filings, CodeService codes) {
        this.enterprises = enterprises;
        this.filings = filings;
        this.form = new FilingForm(codes);
        setMaxWidth("1000px");
        state.setId("filing-state");
        state.getElement().getThemeList().add("badge");
        notice.setId("filing-notice");
        notice.addClassName("ems-filing-notice");
        returnReason.setId("return-reason");
        returnReason.getStyle().set("color", "var(--lumo-error-text-color)");
        saveDraft.setText(getTranslation("enterprise.action.saveDraft"));
        saveDraft.setId("save-draft");
        saveDraft.addClickListener(e -> save(false));
        submit.setText(getTranslation("enterprise.action.submit"));
        submit.setId("submit-filing");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> save(true));
        startChange.setText(getTranslation("enterprise.action.startChange"));
        startChange.setId("start-change");
        startChange.setIcon(VaadinIcon.EDIT.create());
        startChange.addClickListener(e -> {
            form.setEditable(true);
            saveDraft.setVisible(true);
            submit.setVisible(true);
            startChange.setVisible(false);
            notice.setText(getTranslation("enterprise.notice.change"));
        });
        history.setId("filing-history");
        history.addColumn(FilingVersionView::versionNo).setHeader(getTranslation("enterprise.history.version")).setAutoWidth(true);
        history.addColumn(v -> getTranslation("enterprise.kind." + v.kind().name())).setHeader(getTranslation("enterprise.history.kind")).setAutoWidth(true);
        history.addColumn(v -> v.data().name()).setHeader(getTranslation("enterprise.label.name")).setFlexGrow(1);
        history.addColumn(v -> v.data().baselineHeadcount()).setHeader(getTranslation("enterprise.label.baselineHeadcount")).setAutoWidth(true);
        history.addColumn(v -> TIME.format(v.approvedAt())).setHeader(getTranslation("enterprise.history.approvedAt")).setAutoWidth(true);
        history.setAllRowsVisible(true);
        Details historyBox = new Details(getTranslation("enterprise.history.title"), history);
        HorizontalLayout head = new HorizontalLayout(new Span(getTranslation("enterprise.label.state")), state);
        head.setAlignItems(Alignment.BASELINE);
        add(head, notice, returnReason, form, new HorizontalLayout(saveDraft, submit, startChange), historyBox);
        load();
    }

    private void load() {
        enterprise = enterprises.mine();
        Optional<FilingRequestView> open = filings.openRequest(enterprise.id());
        request = open.orElse(null);
        form.setData(request != null ? request.data() : enterprise.data());
        form.setUsccEditable(!enterprise.filed());
        boolean editable = request == null ? !enterprise.filed() : request.state().editable();
        form.setEditable(editable);
        saveDraft.setVisible(editable);
        submit.setVisible(editable);
        startChange.setVisible(enterprise.filed() && request == null);
        String stateKey = request != null && request.kind() == RequestKind.CHANGE
                ? "enterprise.requestState.CHANGE_" + request.state().name()
                : "enterprise.filingState." + enterprise.filingState().name();
        state.setText(getTranslation(stateKey));
        state.getElement().getThemeList().removeAll(List.of("success", "error", "contrast"));
        if (enterprise.filed() && request == null) {
            state.getElement().getThemeList().add("success");
        } else if (request != null && request.state() == RequestState.RETURNED) {
            state.getElement().getThemeList().add("error");
        }
        notice.setText(noticeText());
        boolean returned = request != null && request.returnReason() != null
                && (request.state() == RequestState.RETURNED || request.state() == RequestState.DRAFT);
        returnReason.setVisible(returned);
        if (returned) {
            returnReason.setText(getTranslation("enterprise.notice.returnReason." + request.returnedBy(), request.returnReason()));
        }
        history.setItems(filings.history(enterprise.id()));
    }

    private String noticeText() {
        if (request == null) {
            return enterprise.filed()
                    ? getTranslation("enterprise.notice.filed", enterprise.filedAt() == null ? "" : TIME.format(enterprise.filedAt()))
                    : getTranslation("enterprise.notice.draft");
        }
        return switch (request.state()) {
            case DRAFT -> getTranslation(request.kind() == RequestKind.CHANGE ? "enterprise.notice.change" : "enterprise.notice.draft");
            case PENDING_CITY, PENDING_PROVINCE -> getTranslation("enterprise.notice.pending",
                    request.submittedAt() == null ? "" : TIME.format(request.submittedAt()));
            case RETURNED -> getTranslation("enterprise.notice.returned");
            case APPROVED -> "";
        };
    }

    private void save(boolean andSubmit) {
        try {
            Integer version = request == null ? null : request.version();
            if (andSubmit) {
                filings.submit(enterprise.id(), form.getData(), version);
                Feedback.success(getTranslation("enterprise.filing.submitted"));
            } else {
                filings.saveDraft(enterprise.id(), form.getData(), version);
                Feedback.success(getTranslation("enterprise.filing.draftSaved"));
            }
            form.fields().values().forEach(f -> f.setInvalid(false));
            load();
        } catch (RuntimeException ex) {
            Feedback.show(this, ex, form.fields());
        }
    }

    @Override
    public String viewTitle() {
        return getTranslation("enterprise.filing.title");
    }
}
