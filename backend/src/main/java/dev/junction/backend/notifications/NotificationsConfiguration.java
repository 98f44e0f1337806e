package dev.junction.backend.notifications;

import dev.junction.engine.definition.NotifyChannels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The SMTP settings and which notify channels this installation can send on (the validator refuses a notify node
 * on any other, naming what to set).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmtpSettings.class)
class NotificationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

    @Bean
    NotifyChannels notifyChannels(SmtpSettings smtp) {
        return smtp.whatIsMissing().map(missing -> {
            log.info("E-mail notifications are off: {}", missing);
            return new NotifyChannels(Map.of("email", missing));
        }).orElseGet(() -> {
            log.info("E-mail notifications go through {}:{} from {}", smtp.host(), smtp.port(), smtp.from());
            return NotifyChannels.ALL;
        });
    }
}
