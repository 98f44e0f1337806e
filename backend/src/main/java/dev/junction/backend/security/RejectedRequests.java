package dev.junction.backend.security;

import dev.junction.backend.api.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What a caller gets when Spring Security's firewall refuses the request's address (encoded slashes, {@code ..},
 * {@code ;}, {@code //}, control characters): 400 as a problem detail, written at once. The default handler sent the
 * 400 through the servlet container's error page, which the UI's rules answered with a redirect to the login page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(response, HttpStatus.BAD_REQUEST,
                "The request's address was refused: it contains characters or sequences that are not allowed"
                        + " (such as '//', '..', ';', an encoded slash or percent sign, or a control character): " + rejected.getMessage());
    }
}
