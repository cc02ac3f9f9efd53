package cn.yn.employment.notice.internal;

import cn.yn.employment.notice.SmsSender;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the SMS adapter: HTTP when {@code app.sms.http.url} is set, else the logging adapter. */
@Configuration
class SmsConfig {

    @Bean
    @ConditionalOnProperty(name = "app.sms.http.url")
    SmsSender httpSmsSender(@Value("${app.sms.http.url}") String url,
                            @Value("${app.sms.http.token:}") String token,
                            @Value("${app.sms.signature:【云南就业监测】}") String signature) {
        return new HttpSmsSender(url, token, signature);
    }

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender loggingSmsSender() {
        return new LoggingSmsSender();
    }
}
