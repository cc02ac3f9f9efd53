package cn.yn.employment.report;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code app.demo.enabled=true}: after the other start-up runners (which create demo users and filed
 * enterprises), gives up to 300 filed enterprises demo reports in every state. A no-op for enterprises that
 * already have a report for the current period, so restarts and a demo module calling {@link ReportDemoData}
 * itself do not duplicate anything.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
@Order(Ordered.LOWEST_PRECEDENCE)
class ReportDemoRunner implements ApplicationRunner {

    private final ReportDemoData demo;

    ReportDemoRunner(ReportDemoData demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.populate(300);
    }
}
