package cn.yn.employment.forwarding.internal;

import cn.yn.employment.period.PeriodClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the calendar closes a period, its main package is built after the close has committed (unless
 * {@code app.forwarding.build-on-close=false}). A failure here must not touch the close: it is logged and the
 * province builds from the forwarding view.
 */
@Component
class PeriodClosedListener {

    private static final Logger log = LoggerFactory.getLogger(PeriodClosedListener.class);

    private final Forwarder forwarder;

    PeriodClosedListener(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPeriodClosed(PeriodClosed event) {
        try {
            forwarder.buildOnClose(event.periodCode());
        } catch (RuntimeException e) {
            log.warn("forwarding package of {} not built on close: {}", event.periodCode(), e.toString());
        }
    }
}
