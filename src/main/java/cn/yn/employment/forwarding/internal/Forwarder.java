package cn.yn.employment.forwarding.internal;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.forwarding.ForwardingPackage;
import cn.yn.employment.forwarding.ForwardingPreview;
import cn.yn.employment.forwarding.ForwardingProperties;
import cn.yn.employment.forwarding.ForwardingStatus;
import cn.yn.employment.forwarding.MinistryGateway;
import cn.yn.employment.forwarding.MinistryGateway.Acknowledgement;
import cn.yn.employment.forwarding.MinistryGateway.Delivery;
import cn.yn.employment.forwarding.MinistryGateway.GatewayException;
import cn.yn.employment.forwarding.MinistryGateway.OutgoingPackage;
import cn.yn.employment.forwarding.ResendOutcome;
import cn.yn.employment.forwarding.SendOutcome;
import cn.yn.employment.forwarding.internal.ExchangeLayout.ChangeKind;
import cn.yn.employment.forwarding.internal.ExchangeLayout.Row;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.PeriodState;
import cn.yn.employment.period.SurveyPeriod;
import cn.yn.employment.report.AcceptedReports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The forwarding work itself, without user checks ({@code ForwardingService} checks the caller; the retry job and the
 * period-closed listener run it as {@link SystemActor}). Each build and each delivery attempt is its own transaction;
 * a delivery holds the package row's lock, so one package is delivered by one node at a time.
 */
@Component
public class Forwarder {

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
    static final String MINISTRY = "ministry";

    private final ForwardingStore store;
    private final AcceptedReports accepted;
    private final PeriodService periods;
    private final PeriodCalendarService calendar;
    private final MinistryGateway gateway;
    private final ForwardingProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String issuingUnit;

    Forwarder(ForwardingStore store, AcceptedReports accepted, PeriodService periods, PeriodCalendarService calendar,
              MinistryGateway gateway, ForwardingProperties properties, AuditLog audit, Clock clock,
              PlatformTransactionManager transactions, @Value("${app.issuing-unit:云南省人力资源和社会保障厅}") String issuingUnit) {
        this.store = store;
        this.accepted = accepted;
        this.periods = periods;
        this.calendar = calendar;
        this.gateway = gateway;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.issuingUnit = issuingUnit;
    }

    /** {@code YN530000_202602_00.zip}: province code, period, sequence (00 main, 01.. supplements). */
    public static String fileName(String periodCode, int sequenceNo) {
        return String.format("YN%s_%s_%02d.zip", Scope.PROVINCE_CODE, periodCode.replace("-", ""), sequenceNo);
    }

    // --- build ---------------------------------------------------------------------------------------------------

    /**
     * Builds the period's next package: the main package (every accepted report) when there is none; a supplement
     * with the records accepted or corrected since when the latest was delivered; or, when the latest was never
     * sent, that package again from the current data.
     */
    public ForwardingPackage build(String periodCode, String actor) {
        try {
            return tx.execute(s -> buildInTransaction(periodCode, actor));
        } catch (DuplicateKeyException e) {
            throw new DomainException("forwarding.error.concurrent", periodCode);
        }
    }

    private ForwardingPackage buildInTransaction(String periodCode, String actor) {
        requireClosed(periodCode);
        List<ForwardingPackage> existing = store.packages(periodCode);
        ForwardingPackage latest = existing.isEmpty() ? null : existing.get(existing.size() - 1);
        int sequence;
        ForwardingPackage replacing = null;
        if (latest == null) {
            sequence = 0;
        } else if (latest.status() == ForwardingStatus.BUILT && latest.attempts() == 0) {
            replacing = store.lock(latest.id()).filter(p -> p.status() == ForwardingStatus.BUILT && p.attempts() == 0)
                    .orElseThrow(() -> new DomainException("forwarding.error.concurrent", periodCode));
            sequence = latest.sequenceNo();
        } else if (latest.status().delivered()) {
            sequence = latest.sequenceNo() + 1;
        } else {
            throw new DomainException("forwarding.error.sendPending", latest.fileName());
        }
        Map<Long, Integer> forwarded = store.forwardedVersions(periodCode, sequence);
        PeriodSummary summary = new PeriodSummary();
        List<Row> rows = new ArrayList<>();
        accepted.forEach(periodCode, r -> {
            summary.add(r);
            Integer sent = forwarded.get(r.reportId());
            if (sent == null) {
                rows.add(new Row(r, ChangeKind.NEW));
            } else if (r.versionNo() > sent) {
                rows.add(new Row(r, ChangeKind.CORRECTED));
            }
        });
        if (rows.isEmpty()) {
            throw new DomainException(sequence == 0 ? "forwarding.error.nothingAccepted" : "forwarding.error.noChanges", periodCode);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String fileName = fileName(periodCode, sequence);
        String name = fileName.substring(0, fileName.length() - 4);
        PackageBuilder.Output out = PackageBuilder.build(new PackageBuilder.Input(periodCode, sequence, name, at, issuingUnit,
                Scope.PROVINCE_CODE, rows, summary));
        long id;
        if (replacing != null) {
            store.replaceContent(replacing.id(), out.zip(), out.sha256(), rows.size(), at, actor);
            id = replacing.id();
        } else {
            id = store.insertPackage(periodCode, sequence, fileName, out.zip(), out.sha256(), rows.size(), at, actor);
        }
        store.insertRecords(id, rows);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("period", periodCode);
        after.put("sequence", sequence);
        after.put("records", rows.size());
        after.put("sha256", out.sha256());
        audit.recordAs(actor, replacing == null ? "FORWARDING_PACKAGE_BUILT" : "FORWARDING_PACKAGE_REBUILT", "forwarding_package",
                fileName, replacing == null ? null : Map.of("sha256", replacing.sha256()), after);
        log.info("forwarding package {} built: {} records", fileName, rows.size());
        return store.find(id).orElseThrow();
    }

    /** What a build would carry now. */
    public ForwardingPreview preview(String periodCode) {
        periods.require(periodCode);
        Map<Long, Integer> forwarded = store.forwardedVersions(periodCode, Integer.MAX_VALUE);
        AtomicInteger total = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger();
        accepted.forEach(periodCode, r -> {
            total.incrementAndGet();
            Integer sent = forwarded.get(r.reportId());
            if (sent == null || r.versionNo() > sent) {
                pending.incrementAndGet();
            }
        });
        return new ForwardingPreview(periodCode, total.get(), accepted.countInReview(periodCode), pending.get());
    }

    // --- send ----------------------------------------------------------------------------------------------------

    /** Delivers every unsent package of the period in order, stopping at the first failure. */
    public List<SendOutcome> sendPending(String periodCode, String actor) {
        List<ForwardingPackage> packages = store.packages(periodCode);
        if (packages.isEmpty()) {
            throw new DomainException("forwarding.error.notBuilt", periodCode);
        }
        List<ForwardingPackage> unsent = packages.stream().filter(p -> !p.status().delivered()).toList();
        if (unsent.isEmpty()) {
            throw new DomainException("forwarding.error.nothingToSend", periodCode);
        }
        List<SendOutcome> attempts = new ArrayList<>();
        for (ForwardingPackage p : unsent) {
            SendOutcome a = attempt(p.id(), actor);
            attempts.add(a);
            if (!a.delivered()) {
                break;
            }
        }
        return attempts;
    }

    /**
     * One delivery attempt, recorded in the transmission log whatever its outcome. A package already delivered is
     * not delivered again (nothing recorded); a supplement waits until the packages before it are delivered.
     */
    SendOutcome attempt(long packageId, String actor) {
        return tx.execute(s -> {
            ForwardingPackage pkg = store.lock(packageId).orElseThrow(() -> new NotFoundException("forwarding.error.packageNotFound"));
            if (pkg.status().delivered()) {
                return new SendOutcome(pkg, true, null);
            }
            requireClosed(pkg.periodCode());
            Optional<ForwardingPackage> earlier = store.packages(pkg.periodCode()).stream()
                    .filter(p -> p.sequenceNo() < pkg.sequenceNo() && !p.status().delivered()).findFirst();
            if (earlier.isPresent()) {
                throw new DomainException("forwarding.error.earlierUnsent", earlier.get().fileName());
            }
            Instant now = clock.instant();
            int attemptNo = store.nextAttemptNo(packageId);
            try {
                Delivery d = gateway.deliver(new OutgoingPackage(pkg.fileName(), store.content(packageId), pkg.sha256()));
                store.markSent(packageId, now);
                store.insertTransmission(packageId, attemptNo, "SENT", gateway.name(), d.location(),
                        d.alreadyPresent() ? "identical package already present" : null, now, actor);
                if (pkg.sequenceNo() == 0) {
                    calendar.markForwarded(pkg.periodCode());
                }
                audit.recordAs(actor, "FORWARDING_PACKAGE_SENT", "forwarding_package", pkg.fileName(),
                        Map.of("status", pkg.status().name()), Map.of("status", "SENT", "attempt", attemptNo, "location", d.location()));
                log.info("forwarding package {} delivered to {}", pkg.fileName(), d.location());
                return new SendOutcome(store.find(packageId).orElseThrow(), true, null);
            } catch (GatewayException e) {
                int attempts = pkg.attempts() + 1;
                Instant next = attempts >= properties.getMaxAttempts() ? null : now.plus(backoff(attempts));
                store.markFailed(packageId, e.getMessage(), next);
                store.insertTransmission(packageId, attemptNo, "FAILED", gateway.name(), null, e.getMessage(), now, actor);
                audit.recordAs(actor, "FORWARDING_SEND_FAILED", "forwarding_package", pkg.fileName(),
                        Map.of("status", pkg.status().name()), Map.of("status", "FAILED", "attempt", attemptNo, "error",
                                String.valueOf(e.getMessage()), "nextAttemptAt", String.valueOf(next)));
                log.warn("forwarding package {} not delivered (attempt {}): {}", pkg.fileName(), attemptNo, e.getMessage());
                return new SendOutcome(store.find(packageId).orElseThrow(), false, e.getMessage());
            }
        });
    }

    /** Wait before the next attempt after {@code attempts} failures: 1, 2, 4, ... minutes, at most an hour. */
    static Duration backoff(int attempts) {
        long minutes = 1L << Math.min(Math.max(attempts - 1, 0), 6);
        return Duration.ofMinutes(Math.min(minutes, 60));
    }

    /**
     * Sends a delivered package again (the ministry lost it): the gateway finds the identical file and nothing is
     * recorded; only when it had to write the file again is a transmission logged.
     */
    public ResendOutcome resend(long packageId, String actor) {
        return tx.execute(s -> {
            ForwardingPackage pkg = store.lock(packageId).orElseThrow(() -> new NotFoundException("forwarding.error.packageNotFound"));
            if (!pkg.status().delivered()) {
                throw new DomainException("forwarding.error.notSent", pkg.fileName());
            }
            Instant now = clock.instant();
            try {
                Delivery d = gateway.deliver(new OutgoingPackage(pkg.fileName(), store.content(packageId), pkg.sha256()));
                if (!d.alreadyPresent()) {
                    store.insertTransmission(packageId, store.nextAttemptNo(packageId), "SENT", gateway.name(), d.location(),
                            "delivered again", now, actor);
                }
                audit.recordAs(actor, "FORWARDING_PACKAGE_RESENT", "forwarding_package", pkg.fileName(), null,
                        Map.of("alreadyPresent", d.alreadyPresent()));
                return new ResendOutcome(pkg, d.alreadyPresent(), null);
            } catch (GatewayException e) {
                store.insertTransmission(packageId, store.nextAttemptNo(packageId), "FAILED", gateway.name(), null, e.getMessage(),
                        now, actor);
                audit.recordAs(actor, "FORWARDING_RESEND_FAILED", "forwarding_package", pkg.fileName(), null,
                        Map.of("error", String.valueOf(e.getMessage())));
                return new ResendOutcome(pkg, false, e.getMessage());
            }
        });
    }

    // --- acknowledgement -----------------------------------------------------------------------------------------

    /** Province staff record the ministry's acknowledgement of a delivered package (note optional, ≤ 500 characters). */
    public ForwardingPackage acknowledge(long packageId, String note, String actor) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            throw new DomainException("forwarding.error.invalid", List.of(new FieldError("note", "forwarding.error.noteTooLong", 500)));
        }
        return tx.execute(s -> {
            ForwardingPackage pkg = store.lock(packageId).orElseThrow(() -> new NotFoundException("forwarding.error.packageNotFound"));
            if (pkg.status() == ForwardingStatus.ACKNOWLEDGED) {
                return pkg;
            }
            if (pkg.status() != ForwardingStatus.SENT) {
                throw new DomainException("forwarding.error.notSent", pkg.fileName());
            }
            store.markAcknowledged(packageId, clock.instant(), actor, text);
            audit.recordAs(actor, "FORWARDING_PACKAGE_ACKNOWLEDGED", "forwarding_package", pkg.fileName(), Map.of("status", "SENT"),
                    text == null ? Map.of("status", "ACKNOWLEDGED") : Map.of("status", "ACKNOWLEDGED", "note", text));
            return store.find(packageId).orElseThrow();
        });
    }

    // --- background work -----------------------------------------------------------------------------------------

    /** Retries the failed deliveries that are due (as the system). Returns how many were delivered. */
    public int retryDue() {
        return SystemActor.call(() -> {
            int delivered = 0;
            for (ForwardingPackage p : store.dueRetries(clock.instant())) {
                try {
                    if (attempt(p.id(), SystemActor.NAME).delivered()) {
                        delivered++;
                    }
                } catch (DomainException e) {
                    log.info("forwarding retry of {} skipped: {}", p.fileName(), e.getMessage());
                }
            }
            return delivered;
        });
    }

    /** Takes the ministry's ack files for delivered packages (as the system). Returns how many were acknowledged. */
    public int pollAcknowledgements() {
        return SystemActor.call(() -> {
            int n = 0;
            for (ForwardingPackage p : store.awaitingAcknowledgement()) {
                Optional<Acknowledgement> ack;
                try {
                    ack = gateway.acknowledgement(p.packageName());
                } catch (GatewayException e) {
                    log.warn("acknowledgement of {} unreadable: {}", p.fileName(), e.getMessage());
                    continue;
                }
                if (ack.isPresent()) {
                    acknowledge(p.id(), ack.get().text().isBlank() ? null : ack.get().text(), MINISTRY);
                    n++;
                }
            }
            return n;
        });
    }

    /** A period closed: build its main package at once (sending stays with the province). */
    public void buildOnClose(String periodCode) {
        if (!properties.isBuildOnClose()) {
            return;
        }
        SystemActor.call(() -> {
            if (!store.packages(periodCode).isEmpty() || accepted.count(periodCode) == 0) {
                return null;
            }
            return build(periodCode, SystemActor.NAME);
        });
    }

    private void requireClosed(String periodCode) {
        SurveyPeriod p = periods.require(periodCode);
        if (p.state() == PeriodState.SCHEDULED || p.state() == PeriodState.OPEN) {
            throw new DomainException("forwarding.error.periodNotClosed", periodCode);
        }
    }
}
