package cn.yn.employment.forwarding.ui;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.forwarding.ForwardingPackage;
import cn.yn.employment.forwarding.ForwardingPreview;
import cn.yn.employment.forwarding.ForwardingService;
import cn.yn.employment.forwarding.ForwardingStatus;
import cn.yn.employment.forwarding.PackageFile;
import cn.yn.employment.forwarding.PeriodForwarding;
import cn.yn.employment.forwarding.ResendOutcome;
import cn.yn.employment.forwarding.SendOutcome;
import cn.yn.employment.forwarding.Transmission;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * 上报部 for province reviewers: the closed periods with their forwarding status; for the selected period what a build
 * would carry, build / send, its packages (download, send again, mark acknowledged) and the transmission log.
 */
@Route(value = ForwardingView.ROUTE, layout = MainLayout.class)
@RolesAllowed(Role.PROVINCE_REVIEWER_)
public class ForwardingView extends VerticalLayout implements HasViewTitle {

    public static final String ROUTE = "forwarding";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ForwardingService forwarding;
    final Grid<PeriodForwarding> periods = new Grid<>();
    final VerticalLayout detail = new VerticalLayout();
    final H3 heading = new H3();
    final Span preview = new Span();
    final Button build = new Button();
    final Button send = new Button();
    final Grid<ForwardingPackage> packages = new Grid<>();
    final Grid<Transmission> log = new Grid<>();
    String selected;
    private boolean refreshing;

    public ForwardingView(ForwardingService forwarding) {
        this.forwarding = forwarding;
        setId("forwarding");

        periods.setId("forwarding-periods");
        periods.addColumn(PeriodForwarding::periodCode).setHeader(getTranslation("forwarding.col.period")).setAutoWidth(true);
        periods.addColumn(p -> getTranslation(p.periodState().labelKey())).setHeader(getTranslation("forwarding.col.periodState"))
                .setAutoWidth(true);
        periods.addComponentColumn(p -> statusBadge(p.status())).setHeader(getTranslation("forwarding.col.status")).setAutoWidth(true)
                .setKey("status");
        periods.addColumn(PeriodForwarding::packages).setHeader(getTranslation("forwarding.col.packages")).setAutoWidth(true);
        periods.addColumn(p -> stamp(p.lastSentAt())).setHeader(getTranslation("forwarding.col.lastSent")).setAutoWidth(true);
        periods.setEmptyStateText(getTranslation("forwarding.empty.periods"));
        periods.setHeight("220px");
        periods.addSelectionListener(e -> {
            if (!refreshing) {
                select(e.getFirstSelectedItem().map(PeriodForwarding::periodCode).orElse(null));
            }
        });

        build.setId("forwarding-build");
        build.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        build.addClickListener(e -> buildPackage());
        send.setId("forwarding-send");
        send.setText(getTranslation("forwarding.action.send"));
        send.addClickListener(e -> sendPackages());
        preview.setId("forwarding-preview");
        HorizontalLayout actions = new HorizontalLayout(build, send, preview);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        packages.setId("forwarding-packages");
        packages.addColumn(ForwardingPackage::fileName).setHeader(getTranslation("forwarding.col.package")).setAutoWidth(true)
                .setTooltipGenerator(p -> getTranslation("forwarding.col.generatedAt") + " " + stamp(p.generatedAt()) + " · " + p.builtBy());
        packages.addColumn(p -> p.supplement() ? getTranslation("forwarding.kind.supplement", p.sequenceNo())
                : getTranslation("forwarding.kind.main")).setHeader(getTranslation("forwarding.col.kind")).setAutoWidth(true);
        packages.addColumn(ForwardingPackage::recordCount).setHeader(getTranslation("forwarding.col.records")).setAutoWidth(true);
        packages.addComponentColumn(this::packageStatus).setHeader(getTranslation("forwarding.col.status")).setAutoWidth(true);
        packages.addColumn(p -> p.sha256().substring(0, 12) + "…").setHeader(getTranslation("forwarding.col.sha256"))
                .setTooltipGenerator(ForwardingPackage::sha256).setAutoWidth(true);
        packages.addColumn(p -> stamp(p.sentAt())).setHeader(getTranslation("forwarding.col.sentAt")).setAutoWidth(true);
        packages.addColumn(p -> stamp(p.acknowledgedAt())).setHeader(getTranslation("forwarding.col.acknowledgedAt")).setAutoWidth(true);
        packages.addComponentColumn(this::packageActions).setHeader(getTranslation("forwarding.col.actions")).setKey("actions")
                .setAutoWidth(true);
        packages.setEmptyStateText(getTranslation("forwarding.empty.packages"));
        packages.setAllRowsVisible(true);

        log.setId("forwarding-log");
        log.addColumn(t -> stamp(t.attemptedAt())).setHeader(getTranslation("forwarding.col.time")).setAutoWidth(true);
        log.addColumn(Transmission::fileName).setHeader(getTranslation("forwarding.col.package")).setAutoWidth(true);
        log.addColumn(Transmission::attempt).setHeader(getTranslation("forwarding.col.attempt")).setAutoWidth(true);
        log.addColumn(t -> getTranslation("forwarding.outcome." + t.outcome())).setHeader(getTranslation("forwarding.col.outcome"))
                .setAutoWidth(true);
        log.addColumn(Transmission::gateway).setHeader(getTranslation("forwarding.col.gateway")).setAutoWidth(true);
        log.addColumn(t -> t.location() != null ? t.location() : t.detail()).setHeader(getTranslation("forwarding.col.detail"))
                .setTooltipGenerator(t -> t.detail() == null ? "" : t.detail()).setFlexGrow(1);
        log.addColumn(Transmission::attemptedBy).setHeader(getTranslation("forwarding.col.by")).setAutoWidth(true);
        log.setEmptyStateText(getTranslation("forwarding.empty.log"));
        log.setAllRowsVisible(true);

        detail.setPadding(false);
        detail.add(heading, actions, new H4(getTranslation("forwarding.packages.title")), packages,
                new H4(getTranslation("forwarding.log.title")), log);
        detail.setVisible(false);
        add(periods, detail);
        refresh();
        periods.getListDataView().getItems().findFirst().ifPresent(periods::select);
    }

    /** Reloads the period list (keeping the selection) and the selected period's detail. */
    void refresh() {
        String keep = selected;
        List<PeriodForwarding> all = forwarding.overview();
        refreshing = true;
        try {
            periods.setItems(all);
            all.stream().filter(p -> p.periodCode().equals(keep)).findFirst().ifPresent(periods::select);
        } finally {
            refreshing = false;
        }
        if (keep != null) {
            select(keep);
        }
    }

    void select(String periodCode) {
        selected = periodCode;
        detail.setVisible(periodCode != null);
        if (periodCode == null) {
            return;
        }
        heading.setText(getTranslation("forwarding.period.heading", periodCode));
        ForwardingPreview pv = forwarding.preview(periodCode);
        preview.setText(getTranslation("forwarding.preview", pv.accepted(), pv.inReview(), pv.pendingChanges()));
        List<ForwardingPackage> list = forwarding.packages(periodCode);
        ForwardingPackage latest = list.isEmpty() ? null : list.get(list.size() - 1);
        if (latest == null) {
            build.setText(getTranslation("forwarding.action.build"));
            build.setEnabled(pv.accepted() > 0);
        } else if (latest.status().delivered()) {
            build.setText(getTranslation("forwarding.action.buildSupplement"));
            build.setEnabled(pv.pendingChanges() > 0);
        } else {
            build.setText(getTranslation("forwarding.action.rebuild"));
            build.setEnabled(latest.status() == ForwardingStatus.BUILT && latest.attempts() == 0);
        }
        send.setEnabled(list.stream().anyMatch(p -> !p.status().delivered()));
        packages.setItems(list);
        log.setItems(forwarding.transmissions(periodCode));
    }

    void buildPackage() {
        try {
            ForwardingPackage p = forwarding.build(selected);
            Feedback.success(getTranslation("forwarding.built", p.fileName(), p.recordCount()));
        } catch (DomainException e) {
            Feedback.show(this, e);
        }
        refresh();
    }

    void sendPackages() {
        try {
            for (SendOutcome o : forwarding.send(selected)) {
                if (o.delivered()) {
                    Feedback.success(getTranslation("forwarding.sent", o.pkg().fileName()));
                } else {
                    Feedback.error(getTranslation("forwarding.sendFailed", o.pkg().fileName(), o.error()));
                }
            }
        } catch (DomainException e) {
            Feedback.show(this, e);
        }
        refresh();
    }

    void resend(ForwardingPackage p) {
        try {
            ResendOutcome o = forwarding.resend(p.periodCode(), p.sequenceNo());
            if (o.error() != null) {
                Feedback.error(getTranslation("forwarding.resendFailed", p.fileName(), o.error()));
            } else {
                Feedback.success(getTranslation(o.alreadyPresent() ? "forwarding.resent.same" : "forwarding.resent.again", p.fileName()));
            }
        } catch (DomainException e) {
            Feedback.show(this, e);
        }
        refresh();
    }

    /** The dialog that records the ministry's acknowledgement with an optional note. */
    AcknowledgeDialog openAcknowledge(ForwardingPackage p) {
        AcknowledgeDialog d = new AcknowledgeDialog(p);
        d.open();
        return d;
    }

    class AcknowledgeDialog extends Dialog {
        final TextArea note = new TextArea(getTranslation("forwarding.ack.note"));
        final Button confirm = new Button(getTranslation("forwarding.ack.confirm"));

        AcknowledgeDialog(ForwardingPackage p) {
            setHeaderTitle(getTranslation("forwarding.ack.title") + " — " + p.fileName());
            note.setId("forwarding-ack-note");
            note.setMaxLength(500);
            note.setWidth("420px");
            confirm.setId("forwarding-ack-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(e -> {
                try {
                    forwarding.acknowledge(p.periodCode(), p.sequenceNo(), note.getValue());
                    Feedback.success(getTranslation("forwarding.acknowledged", p.fileName()));
                    close();
                    refresh();
                } catch (DomainException ex) {
                    Feedback.show(ForwardingView.this, ex, Map.of("note", note));
                }
            });
            add(note);
            getFooter().add(new Button(getTranslation("forwarding.ack.cancel"), e -> close()), confirm);
        }
    }

    private Component packageStatus(ForwardingPackage p) {
        Span badge = statusBadge(p.status());
        if (p.status() == ForwardingStatus.FAILED) {
            badge.getElement().setAttribute("title", p.lastError() == null ? "" : p.lastError());
            if (p.nextAttemptAt() != null) {
                Span next = new Span(getTranslation("forwarding.nextAttempt", stamp(p.nextAttemptAt())));
                next.getStyle().set("font-size", "var(--lumo-font-size-s)");
                return new HorizontalLayout(badge, next);
            }
        }
        return badge;
    }

    private Component packageActions(ForwardingPackage p) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            PackageFile f = forwarding.download(p.periodCode(), p.sequenceNo());
            return new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), "application/zip", f.content().length);
        }), getTranslation("forwarding.action.download"));
        download.getElement().setAttribute("download", p.fileName());
        download.setId("forwarding-download-" + p.sequenceNo());
        row.add(download);
        if (p.status().delivered()) {
            Button resend = new Button(getTranslation("forwarding.action.resend"), e -> resend(p));
            resend.setId("forwarding-resend-" + p.sequenceNo());
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(resend);
        }
        if (p.status() == ForwardingStatus.SENT) {
            Button ack = new Button(getTranslation("forwarding.action.acknowledge"), e -> openAcknowledge(p));
            ack.setId("forwarding-ack-" + p.sequenceNo());
            ack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(ack);
        }
        return row;
    }

    private Span statusBadge(ForwardingStatus status) {
        Span s = new Span(getTranslation(status.labelKey()));
        String theme = switch (status) {
            case ACKNOWLEDGED, SENT -> "badge success";
            case FAILED -> "badge error";
            case BUILT -> "badge";
            case NOT_BUILT -> "badge contrast";
        };
        s.getElement().getThemeList().add(theme);
        return s;
    }

    private static String stamp(Instant at) {
        return at == null ? "" : at.atZone(TimeConfig.ZONE).format(STAMP);
    }

    @Override
    public String viewTitle() {
        return getTranslation("forwarding.title");
    }
}
