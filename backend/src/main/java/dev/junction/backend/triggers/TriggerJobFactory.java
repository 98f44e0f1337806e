package dev.junction.backend.triggers;

import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Quartz makes Junction's trigger jobs through this factory, which hands them {@link TriggerFirings}. */
@Configuration(proxyBeanMethods = false)
class TriggerJobFactory {

    @Bean
    SchedulerFactoryBeanCustomizer triggerJobs(ObjectProvider<TriggerFirings> firings) {
        JobFactory factory = (bundle, scheduler) -> {
            if (bundle.getJobDetail().getJobClass() != TriggerJob.class) {
                throw new SchedulerException("Junction runs only its own trigger jobs, not "
                        + bundle.getJobDetail().getJobClass().getName());
            }
            return new TriggerJob(firings.getObject());
        };
        return schedulerFactory -> schedulerFactory.setJobFactory(factory);
    }
}
