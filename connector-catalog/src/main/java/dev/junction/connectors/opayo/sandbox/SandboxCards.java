package dev.junction.connectors.opayo.sandbox;

import java.util.Optional;

/**
 * The simulator's test cards. The real sandbox's magic cards are not documented in the contract, so these are the
 * simulator's own triggers.
 */
// UNCONFIRMED (api-contracts §2.11): the simulator's own test cards — 4929000000006 authorised, 4929000000014
// declined (NotAuthed 2000), 4929000005559 asks for a 3-D Secure 2 challenge (3DAuth 2021); any other card number
// that passes the Luhn check is authorised.
public final class SandboxCards {

    public static final String AUTHORISED = "4929000000006";
    public static final String DECLINED = "4929000000014";
    public static final String CHALLENGED = "4929000005559";

    private SandboxCards() {
    }

    /** What the simulated bank does with a card. */
    public enum Outcome { AUTHORISED, DECLINED, CHALLENGED }

    public static Outcome outcome(String cardNumber) {
        return switch (cardNumber) {
            case DECLINED -> Outcome.DECLINED;
            case CHALLENGED -> Outcome.CHALLENGED;
            default -> Outcome.AUTHORISED;
        };
    }

    /** The card scheme by prefix, empty when the simulator does not take it (Opayo's code 1008). */
    public static Optional<String> cardType(String cardNumber) {
        if (cardNumber.startsWith("4")) {
            return Optional.of("Visa");
        }
        if (cardNumber.matches("5[1-5].*") || cardNumber.matches("2[2-7].*")) {
            return Optional.of("MasterCard");
        }
        if (cardNumber.startsWith("34") || cardNumber.startsWith("37")) {
            return Optional.of("AmericanExpress");
        }
        return Optional.empty();
    }

    /** The Luhn check Opayo's code 1007 stands for. */
    public static boolean luhnValid(String cardNumber) {
        if (!cardNumber.matches("[0-9]{12,19}")) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = cardNumber.length() - 1; i >= 0; i--) {
            int digit = cardNumber.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
