package dev.junction.connectors.opayo.sandbox;

/**
 * Why Opayo refuses a request the field rules let through (a used vendorTxCode, a card identifier already used, a
 * refund over the amount taken, an instruction that does not apply): the simulator answers it as a 422
 * {@code errors} list naming {@link #property()}.
 */
final class Refusal extends Exception {

    private final int code;
    private final String property;

    Refusal(int code, String description, String property) {
        super(description, null, false, false);
        this.code = code;
        this.property = property;
    }

    int code() {
        return code;
    }

    String property() {
        return property;
    }
}
