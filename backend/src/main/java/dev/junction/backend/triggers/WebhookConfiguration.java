package dev.junction.backend.triggers;

import dev.junction.backend.database.DatabaseServer;
import dev.junction.backend.runs.RunLauncher;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.engine.runs.WorkflowSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** Mounts the webhook servlet at {@code /hooks/*}, counted by the servlet rather than by an HTTP observation. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookTargets targets, WorkflowSource workflows,
                                                            RunLauncher launcher, MeterRegistry meters,
                                                            OpayoServerWebhook opayoServer, HmacWebhook hmac,
                                                            @Value("${junction.webhooks.max-body-bytes}") int maxBodyBytes) {
        ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(
                new WebhookServlet(targets, workflows, launcher, maxBodyBytes, meters, opayoServer, hmac), "/hooks/*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** The webhook targets looked up, kept until the database announces their change (on any node). */
    @Bean(initMethod = "start", destroyMethod = "close")
    WebhookTargets webhookTargets(TriggerStateRepository state, DatabaseServer server) {
        return new WebhookTargets(state, new WebhookTargets.Database(server.jdbcUrl(), server.user(),
                server.password()));
    }

    /**
     * No {@code http.server.requests} observation for webhooks: measured at saturation, creating and recording it
     * cost more of a webhook's CPU time than the servlet's own work. The servlet counts its answers instead.
     */
    @Bean
    ObservationPredicate noHttpObservationOfWebhooks() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(request.getCarrier().getContextPath() + "/hooks/"));
    }
}
