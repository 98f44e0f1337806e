package dev.junction.backend.testconnector;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.Operation;
import dev.junction.engine.connectors.OperationCall;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.SettingField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector of the backend's tests, found through ServiceLoader like the real ones: it reads its secret through
 * the vault and (carelessly) echoes it, so that tests can prove the platform blanks secrets out of outputs and
 * failures. Its test accepts the API key {@link #RIGHT_KEY} only.
 */
public class VaultEchoConnector implements Connector {

    private final List<Operation> operations = List.of(new Operation(DESCRIPTOR.operations().get(0), this::echo),
            new Operation(DESCRIPTOR.operations().get(1), this::echo),
            new Operation(DESCRIPTOR.operations().get(2), this::fail),
            new Operation(DESCRIPTOR.operations().get(3), this::echo));

    public static final String ID = "vault-echo";
    public static final String RIGHT_KEY = "right-key-123";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Vault echo", "1.0",
            "vaadin:echo", "Echoes its input and its secret (tests only)", ConnectorDescriptor.AuthKind.CONFIGURABLE,
            List.of(SettingField.text("greeting", "Greeting", "Said in every answer", true, "hello"),
                    SettingField.choice("mode", "Mode", "How to answer", "plain", List.of("plain", "loud")),
                    SettingField.url("baseUrl", "Base URL", "Where the API is", "https://echo.example"),
                    SettingField.secret("apiKey", "API key", "The key of the account", true),
                    SettingField.secret("webhookKey", "Webhook key", "Optional", false)),
            List.of(new OperationDescriptor("echo", "Echo", "Answers its input", OperationDescriptor.Kind.ACTION,
                            null, null, null, null),
                    new OperationDescriptor("charge", "Charge", "Answers its input, keyed by reference",
                            OperationDescriptor.Kind.ACTION, null, null, null, "reference"),
                    new OperationDescriptor("fail", "Fail", "Fails, naming its key", OperationDescriptor.Kind.ACTION,
                            null, null, null, null),
                    new OperationDescriptor("limited", "Limited", "One call per 1000 s",
                            OperationDescriptor.Kind.ACTION, null, null,
                            new OperationDescriptor.RateLimit(0.001, 1), null)));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    private Object fail(OperationCall call) throws ConnectorException {
        String key = call.connection().requiredSecret("apiKey");
        call.connection().rateLimiter().acquire(call.operation());
        throw ConnectorException.permanentFailure("RemoteRefused", "the remote side refused key " + key, 401,
                "{\"error\": \"bad key " + key + "\"}");
    }

    private Object echo(OperationCall call) throws ConnectorException {
        String key = call.connection().requiredSecret("apiKey");
        // a connector takes a token of the operation's bucket before each call it makes to its remote side
        call.connection().rateLimiter().acquire(call.operation());
        Map<String, Object> answer = new LinkedHashMap<>();
        Map<String, Object> input = new LinkedHashMap<>(call.input());
        if ("charge".equals(call.operation())) {
            input.putIfAbsent("reference", call.idempotencyKey());
        }
        answer.put("input", input);
        answer.put("greeting", call.connection().setting("greeting").orElse(""));
        answer.put("keyUsed", key);
        return answer;
    }

    @Override
    public ConnectionCheck test(ConnectionAccess connection) {
        return connection.secret("apiKey").filter(RIGHT_KEY::equals)
                .map(key -> ConnectionCheck.ok("signed in as the echo account"))
                .orElseGet(() -> ConnectionCheck.failed(ConnectionCheck.Stage.AUTH, "the echo API refused the key"));
    }
}
