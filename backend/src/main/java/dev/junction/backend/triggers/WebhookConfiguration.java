package dev.junction.backend.triggers;

import dev.junction.backend.runs.RunLauncher;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.engine.runs.WorkflowSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the webhook servlet at {@code /hooks/*}. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(TriggerStateRepository state, WorkflowSource workflows,
                                                            RunLauncher launcher,
                                                            @Value("${junction.webhooks.max-body-bytes}") int maxBodyBytes) {
        ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(
                new WebhookServlet(state, workflows, launcher, maxBodyBytes), "/hooks/*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
