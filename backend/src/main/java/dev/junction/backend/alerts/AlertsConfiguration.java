package dev.junction.backend.alerts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Alerting: the evaluator of this node ({@code junction.alerts.evaluation-interval}, default 5 s; with
 * {@code junction.alerts.evaluator.enabled=false} this node evaluates nothing, tests drive it with an explicit time).
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    AlertEvaluator alertEvaluator(AlertRuleStore rules, AlertStore alerts, AlertConditions conditions,
                                  FindingsApplier applier,
                                  PlatformTransactionManager transactions, Clock clock,
                                  @Value("${junction.alerts.evaluation-interval:5s}") Duration interval,
                                  @Value("${junction.alerts.evaluator.enabled:true}") boolean scheduled) {
        return new AlertEvaluator(rules, alerts, conditions, applier, new TransactionTemplate(transactions), clock,
                interval, scheduled);
    }
}
