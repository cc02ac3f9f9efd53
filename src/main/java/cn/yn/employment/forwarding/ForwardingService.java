package cn.yn.employment.forwarding;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.forwarding.internal.Forwarder;
import cn.yn.employment.forwarding.internal.ForwardingStore;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.SurveyPeriod;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * National forwarding (上报部) for the province: each closed period's status, building its package (or the next
 * supplement), sending, resending, acknowledging, downloading, and the transmission log. Every method is for
 * province reviewers with the province scope (PRODUCT.md, province journey 5); leaders, city reviewers, enterprises
 * and the administrators are refused.
 */
@Service
public class ForwardingService {

    private final CurrentUserProvider currentUser;
    private final PeriodService periods;
    private final ForwardingStore store;
    private final Forwarder forwarder;

    ForwardingService(CurrentUserProvider currentUser, PeriodService periods, ForwardingStore store, Forwarder forwarder) {
        this.currentUser = currentUser;
        this.periods = periods;
        this.store = store;
        this.forwarder = forwarder;
    }

    /** Every closed (or forwarded, archived) period with its forwarding status, newest first. */
    public List<PeriodForwarding> overview() {
        requireProvince();
        Map<String, List<ForwardingPackage>> byPeriod = store.allPackages().stream()
                .collect(Collectors.groupingBy(ForwardingPackage::periodCode));
        return periods.list().stream().filter(p -> !p.state().acceptsSubmissions())
                .map(p -> status(p, byPeriod.getOrDefault(p.code(), List.of()))).toList();
    }

    public PeriodForwarding status(String periodCode) {
        requireProvince();
        return status(periods.require(periodCode), store.packages(periodCode));
    }

    /** How many reports a build would carry now, and how many are still in review. */
    public ForwardingPreview preview(String periodCode) {
        requireProvince();
        return forwarder.preview(periodCode);
    }

    public List<ForwardingPackage> packages(String periodCode) {
        requireProvince();
        periods.require(periodCode);
        return store.packages(periodCode);
    }

    /** Every delivery attempt of the period's packages, newest first. */
    public List<Transmission> transmissions(String periodCode) {
        requireProvince();
        periods.require(periodCode);
        return store.transmissions(periodCode);
    }

    /** Builds the main package, the next supplement, or again the package not yet sent. */
    public ForwardingPackage build(String periodCode) {
        return forwarder.build(periodCode, requireProvince().username());
    }

    /** Delivers the period's unsent packages in order (stops at the first failure, which is retried with back-off). */
    public List<SendOutcome> send(String periodCode) {
        CurrentUser me = requireProvince();
        periods.require(periodCode);
        return forwarder.sendPending(periodCode, me.username());
    }

    /** Sends a delivered package again: the same file; nothing new is recorded when the gateway still holds it. */
    public ResendOutcome resend(String periodCode, int sequenceNo) {
        CurrentUser me = requireProvince();
        return forwarder.resend(require(periodCode, sequenceNo).id(), me.username());
    }

    /** Records the ministry's acknowledgement of a delivered package by hand (note optional). */
    public ForwardingPackage acknowledge(String periodCode, int sequenceNo, String note) {
        CurrentUser me = requireProvince();
        return forwarder.acknowledge(require(periodCode, sequenceNo).id(), note, me.username());
    }

    /** A package's zip, byte for byte as built and delivered. */
    public PackageFile download(String periodCode, int sequenceNo) {
        requireProvince();
        ForwardingPackage p = require(periodCode, sequenceNo);
        return new PackageFile(p.fileName(), p.sha256(), store.content(p.id()));
    }

    private ForwardingPackage require(String periodCode, int sequenceNo) {
        return store.find(periodCode, sequenceNo).orElseThrow(() -> new NotFoundException("forwarding.error.packageNotFound"));
    }

    private static PeriodForwarding status(SurveyPeriod p, List<ForwardingPackage> packages) {
        ForwardingPackage latest = packages.stream().max(Comparator.comparingInt(ForwardingPackage::sequenceNo)).orElse(null);
        ForwardingStatus status = latest == null ? ForwardingStatus.NOT_BUILT : latest.status();
        java.time.Instant lastSent = packages.stream().map(ForwardingPackage::sentAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new PeriodForwarding(p.code(), p.state(), status, packages.size(), latest == null ? null : latest.sequenceNo(), lastSent);
    }

    private CurrentUser requireProvince() {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.PROVINCE_REVIEWER);
        if (!me.scope().isProvince()) {
            throw new AccessDeniedException("forwarding needs the province scope");
        }
        return me;
    }
}
