package dev.junction.backend.alerts.channels;

import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.credentials.Vault;
import dev.junction.backend.notifications.EmailSender;
import dev.junction.backend.notifications.SmtpSettings;
import dev.junction.connectors.outbound.OutboundClient;
import dev.junction.db.alerts.channels.AlertChannelRepository;
import dev.junction.db.alerts.channels.AlertOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/** Alert channels, their senders, and the outbox dispatcher of this node. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchSettings.class)
class AlertChannelsConfiguration {

    @Bean
    AlertChannelRepository alertChannelRepository(DSLContext db) {
        return new AlertChannelRepository(db);
    }

    @Bean
    AlertOutbox alertOutbox(DSLContext db) {
        return new AlertOutbox(db);
    }

    @Bean
    ChannelSecrets alertChannelSecrets(AlertChannelRepository channels, Vault vault) {
        return new ChannelSecrets(channels, vault);
    }

    @Bean
    NotificationDelivery notificationDelivery(AlertChannelRepository channels, AlertOutbox outbox,
                                              ChannelSecrets secrets, SmtpSettings smtp, Environment environment,
                                              DispatchSettings settings, ObjectProvider<MeterRegistry> meters) {
        JsonPost post = new JsonPost(OutboundClient.shared());
        List<ChannelSender> senders = List.of(new EmailChannelSender(new EmailSender(smtp)), new SlackSender(post),
                new TeamsSender(post), new WebhookSender(post, Clock.systemUTC()), new PagerDutySender(post));
        return new NotificationDelivery(channels, outbox, secrets, senders, new PublicUrl(environment), settings,
                meters.getIfAvailable());
    }

    @Bean
    NotificationDispatcher notificationDispatcher(AlertOutbox outbox, NotificationDelivery delivery,
                                                  DispatchSettings settings) {
        return new NotificationDispatcher(outbox, delivery, settings);
    }

    @Bean
    AlertChannelService alertChannelService(AlertChannelRepository channels, ChannelSecrets secrets,
                                            AlertOutbox outbox, NotificationDelivery delivery,
                                            DispatchSettings settings, AuditTrail audit,
                                            TransactionTemplate transactions) {
        return new AlertChannelService(channels, secrets, outbox, delivery, settings, audit, transactions);
    }
}
