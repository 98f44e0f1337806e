package dev.junction.backend.security;

import dev.junction.backend.api.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Checks in front of every sign-in, before Spring Security's filters: the login form's POST must come from this
 * server's own page ({@link LoginOriginFilter}), and a client address with too many failed sign-ins is refused for
 * a while ({@link AddressThrottleFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AddressLockoutSettings.class)
class LoginProtectionConfiguration {

    @Bean
    FilterRegistrationBean<LoginOriginFilter> loginOriginFilter(ProblemResponses problems,
                                                                @Value("${junction.public-url:}") String publicUrl) {
        FilterRegistrationBean<LoginOriginFilter> registration =
                new FilterRegistrationBean<>(new LoginOriginFilter(problems, publicUrl));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AddressThrottleFilter> addressThrottleFilter(AddressThrottle throttle,
                                                                        ProblemResponses problems) {
        FilterRegistrationBean<AddressThrottleFilter> registration =
                new FilterRegistrationBean<>(new AddressThrottleFilter(throttle, problems));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
