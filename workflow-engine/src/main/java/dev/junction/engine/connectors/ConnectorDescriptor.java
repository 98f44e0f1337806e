package dev.junction.engine.connectors;

import dev.junction.engine.schema.Schemas;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the platform knows of a connector before calling it: what the palette shows ({@code name},
 * {@code icon}, {@code description}), what the connection form asks ({@code settings}, secret ones flagged), how
 * it authenticates and what it can do ({@code operations}).
 *
 * @param id      stable identifier, e.g. {@code amazon-sp-api}; connections name it
 * @param version the connector's own version, shown in the catalog
 * @param icon    a Vaadin icon name ({@code vaadin:cart}) the palette shows
 */
public record ConnectorDescriptor(String id, String name, String version, String icon, String description,
                                  AuthKind auth, List<SettingField> settings, List<OperationDescriptor> operations) {

    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        settings = List.copyOf(settings);
        operations = List.copyOf(operations);
        if (operations.stream().map(OperationDescriptor::id).distinct().count() != operations.size()) {
            throw new IllegalArgumentException("connector " + id + " names an operation twice");
        }
        if (settings.stream().map(SettingField::name).distinct().count() != settings.size()) {
            throw new IllegalArgumentException("connector " + id + " names a setting twice");
        }
        for (SettingField setting : settings) {
            for (String other : setting.dependsOn().keySet()) {
                if (settings.stream().noneMatch(field -> field.name().equals(other) && !field.secret())) {
                    throw new IllegalArgumentException("setting " + setting.name() + " of connector " + id
                            + " depends on " + other + ", which is not a plain setting of it");
                }
            }
        }
    }

    public Optional<OperationDescriptor> operation(String operationId) {
        return operations.stream().filter(operation -> operation.id().equals(operationId)).findFirst();
    }

    /**
     * The connection form as a JSON Schema: one property per setting, in order, titled by its label, with its help as
     * the description, its default, its choices as {@code enum}, and {@code x-secret} on secret ones.
     */
    public Map<String, Object> settingsSchema() {
        Schemas.ObjectBuilder schema = Schemas.object().title(name);
        for (SettingField setting : settings) {
            if (setting.required()) {
                schema.required(setting.name(), setting.schema());
            } else {
                schema.optional(setting.name(), setting.schema());
            }
        }
        return schema.build();
    }

    public Optional<SettingField> setting(String name) {
        return settings.stream().filter(setting -> setting.name().equals(name)).findFirst();
    }

    /** Whether a setting applies to a connection with these plain settings (see {@link SettingField#dependsOn()}). */
    public boolean applies(SettingField setting, Map<String, String> plainSettings) {
        return setting.appliesTo(plainSettings, name -> setting(name).map(SettingField::defaultValue).orElse(null));
    }

    /** How a connector proves who it is to the remote system. */
    public enum AuthKind {
        /** No authentication, or one chosen per connection (the generic HTTP connector). */
        NONE,
        /** HTTP Basic (Opayo Pi: integration key and password). */
        BASIC,
        /** Login with Amazon: a refresh token exchanged for short-lived access tokens. */
        LWA_REFRESH_TOKEN,
        /** OAuth 2.0 client credentials (Microsoft identity platform for Dataverse). */
        OAUTH2_CLIENT_CREDENTIALS,
        /** Chosen per connection among none, basic, bearer, API key header and OAuth 2.0 client credentials. */
        CONFIGURABLE
    }
}
