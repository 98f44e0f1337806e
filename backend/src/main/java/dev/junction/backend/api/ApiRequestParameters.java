package dev.junction.backend.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.beans.PropertyEditorSupport;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Query parameters and path segments of the REST API, read as strictly as bodies: a whole number is written in
 * decimal digits (Spring's own number editor also took {@code 0x10}, {@code #10} and {@code 010}), and no value may
 * hold the NUL character, which PostgreSQL cannot store or compare.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestParameters implements WebMvcConfigurer {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?\\d{1,19}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new NoNulInParameters()).addPathPatterns("/api/**");
    }

    /** Whole-number parameters of the REST controllers take decimal digits only. */
    @ControllerAdvice(annotations = RestController.class)
    static class DecimalWholeNumbers {

        @InitBinder
        void decimalOnly(WebDataBinder binder) {
            binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf, true));
            binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf, false));
            binder.registerCustomEditor(long.class, new Decimal(Long::valueOf, true));
            binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf, false));
        }
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Number> parse;
        private final boolean primitive;

        Decimal(Function<String, Number> parse, boolean primitive) {
            this.parse = parse;
            this.primitive = primitive;
        }

        @Override
        public void setAsText(String text) {
            String value = text == null ? "" : text.strip();
            if (value.isEmpty() && !primitive) {
                setValue(null);
                return;
            }
            if (!WHOLE_NUMBER.matcher(value).matches()) {
                throw new IllegalArgumentException("not a whole number in decimal digits: '" + text + "'");
            }
            setValue(parse.apply(value.startsWith("+") ? value.substring(1) : value));
        }
    }

    /** Refuses a query parameter or path segment that holds the NUL character, naming it. */
    private static final class NoNulInParameters implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.getParameterMap().forEach((name, values) -> {
                if (name.indexOf('\0') >= 0) {
                    throw new InvalidInputException("query", JsonText.NUL_MESSAGE);
                }
                for (String value : values) {
                    if (value.indexOf('\0') >= 0) {
                        throw new InvalidInputException(name, JsonText.NUL_MESSAGE);
                    }
                }
            });
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> {
                    if (String.valueOf(value).indexOf('\0') >= 0) {
                        throw new InvalidInputException(String.valueOf(name), JsonText.NUL_MESSAGE);
                    }
                });
            }
            return true;
        }
    }
}
