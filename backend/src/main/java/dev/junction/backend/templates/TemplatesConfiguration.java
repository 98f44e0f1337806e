package dev.junction.backend.templates;

import dev.junction.db.templates.SampleRunRepository;
import dev.junction.db.templates.TemplateRepository;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TemplatesConfiguration {

    @Bean
    TemplateRepository templateRepository(DSLContext db) {
        return new TemplateRepository(db);
    }

    @Bean
    SampleRunRepository sampleRunRepository(DSLContext db) {
        return new SampleRunRepository(db);
    }
}
