package cn.yn.employment;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableCaching
@EnableScheduling
@EnableAsync
@Push
@Theme("employment")
@PWA(name = "云南省企业就业失业数据采集系统", shortName = "就业失业采集")
public class EmploymentApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(EmploymentApplication.class);
        // EMS_STARTUP_STEPS=10000: record the start-up's steps (bean by bean) for /actuator/startup on the management
        // port, which bench/startup-breakdown.sh reads (docs/performance.md, P6); off by default, as it costs memory
        String steps = System.getenv("EMS_STARTUP_STEPS");
        if (steps != null && !steps.isBlank()) {
            application.setApplicationStartup(new BufferingApplicationStartup(Integer.parseInt(steps.trim())));
        }
        application.run(args);
    }
}
