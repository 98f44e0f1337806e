package dev.junction.e2e.connector;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.Operation;
import dev.junction.engine.connectors.OperationCall;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.SettingField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector of the browser tests only, found through ServiceLoader like the real ones: plain settings of each
 * kind, a required and an optional secret, and a connection test that accepts the API key {@link #RIGHT_KEY} only
 * (anything else fails at the AUTH stage).
 */
public class E2eEchoConnector implements Connector {

    private final List<Operation> operations = List.of(new Operation(DESCRIPTOR.operations().getFirst(), this::echo));

    public static final String ID = "e2e-echo";
    public static final String NAME = "E2E echo";
    public static final String RIGHT_KEY = "right-key-123";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, NAME, "1.0", "vaadin:echo",
            "Echoes its input (browser tests only)", ConnectorDescriptor.AuthKind.CONFIGURABLE,
            List.of(SettingField.text("greeting", "Greeting", "Said in every answer", true, "hello"),
                    SettingField.choice("mode", "Mode", "How to answer", "plain", List.of("plain", "loud")),
                    SettingField.url("baseUrl", "Base URL", "Where the API is", "https://echo.example"),
                    SettingField.secret("apiKey", "API key", "The key of the account", true),
                    SettingField.secret("webhookKey", "Webhook key", "Optional", false)),
            List.of(new OperationDescriptor("echo", "Echo", "Answers its input", OperationDescriptor.Kind.ACTION,
                    null, null, null, null)));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    private Object echo(OperationCall call) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("input", call.input());
        answer.put("greeting", call.connection().setting("greeting").orElse(""));
        return answer;
    }

    @Override
    public ConnectionCheck test(ConnectionAccess connection) {
        return connection.secret("apiKey").filter(RIGHT_KEY::equals)
                .map(key -> ConnectionCheck.ok("signed in as the echo account"))
                .orElseGet(() -> ConnectionCheck.failed(ConnectionCheck.Stage.AUTH, "the echo API refused the key"));
    }
}
