package dev.junction.ui.connections;

/**
 * The two environments of a connection in words, the same in every form that creates one: the Connections view's
 * dialog and the setup wizard's "New connection".
 */
public final class ConnectionEnvironments {

    public static final String SANDBOX = "sandbox";
    public static final String PRODUCTION = "production";

    private ConnectionEnvironments() {
    }

    /** "Sandbox" or "Production". */
    public static String label(String environment) {
        return SANDBOX.equals(environment) ? "Sandbox" : "Production";
    }

    /** What creating a connection in {@code environment} means, in a sentence or two. */
    public static String meaning(String environment) {
        return SANDBOX.equals(environment)
                ? "Creates a sandbox connection: for a test account (no real payments or orders). Test runs use it;"
                + " a workflow on sandbox connections only publishes without the go-live checklist's gate."
                : "Creates a production connection: for a live account, with real payments and orders. Test runs"
                + " through it reach that account; a workflow that uses it goes live only once its go-live"
                + " checklist is complete.";
    }
}
