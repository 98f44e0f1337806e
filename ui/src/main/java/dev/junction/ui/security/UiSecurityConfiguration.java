package dev.junction.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.junction.backend.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser UI: a session, Vaadin's login view, CSRF protection, and view access from the views' annotations.
 * It takes every path that the API and actuator chains (backend) do not.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class UiSecurityConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        return SecurityHeaders.forBrowser(http)
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
