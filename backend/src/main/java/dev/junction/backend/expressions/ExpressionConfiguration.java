package dev.junction.backend.expressions;

import dev.junction.engine.expressions.ExpressionRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one GraalJS engine of this Junction node: users' expressions and scripts run in its sandboxed contexts. */
@Configuration(proxyBeanMethods = false)
class ExpressionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExpressionConfiguration.class);

    @Bean(destroyMethod = "close")
    ExpressionRuntime expressionRuntime() {
        ExpressionRuntime runtime = new ExpressionRuntime();
        // "Interpreted" means no optimizing compiler: expressions work, but run several times slower
        log.info("Expression runtime: GraalJS on the {} Truffle runtime", runtime.implementationName());
        return runtime;
    }
}
