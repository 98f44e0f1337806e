package dev.junction.backend.triggers;

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
    ServletRegistrationBean<WebhookServlet> webhookServlet(TriggerStateRepository state, WorkflowSource workflows,
                                                            RunLauncher launcher, MeterRegistry meters,
                                                            OpayoServerWebhook opayoServer, HmacWebhook hmac,
                                                            @Value("${junction.webhooks.max-body-bytes}") int maxBodyBytes) {
        ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(
                new WebhookServlet(state, workflows, launcher, maxBodyBytes, meters, opayoServer, hmac), "/hooks/*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
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
