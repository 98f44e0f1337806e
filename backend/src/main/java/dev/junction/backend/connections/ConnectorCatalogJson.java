package dev.junction.backend.connections;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.junction.engine.connectors.SettingField;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * How a connector setting's choices read in the REST API: {@code choices} stays the list of stored values that
 * version 1 of the API has always answered (a client that reads those strings keeps working), and
 * {@code choiceOptions} adds each value with the words a form shows for it ({@code [{value, label}]}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectorCatalogJson {

    @Bean
    JsonMapperBuilderCustomizer settingChoicesAsVersionOneReadsThem() {
        return builder -> builder.addMixIn(SettingField.class, SettingFieldJson.class);
    }

    abstract static class SettingFieldJson {

        @JsonProperty("choiceOptions")
        abstract List<SettingField.Choice> choices();

        @JsonProperty("choices")
        abstract List<String> choiceValues();
    }
}
