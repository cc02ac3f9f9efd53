package cn.yn.employment;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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
        SpringApplication.run(EmploymentApplication.class, args);
    }
}
