package cn.yn.employment.forwarding.internal;

import cn.yn.employment.forwarding.ForwardingProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ForwardingProperties.class)
class ForwardingConfig {
}
