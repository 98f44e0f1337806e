package dev.junction.connectors.opayo.sandbox;

import dev.junction.connectors.opayo.sandbox.SimulatedTransaction.CardOnFile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The merchant session keys (valid 400 s, api-contracts §2.3) and the card identifiers bound to them (§2.4): a card
 * identifier is used once, unless it was saved as reusable. State only; {@link OpayoSimulator} is its HTTP face.
 */
final class SandboxSessions {

    static final Duration SESSION_KEY_LIFETIME = Duration.ofSeconds(400);

    private final Clock clock;
    private final Map<String, Instant> sessionKeys = new HashMap<>();
    private final Map<String, CardOnFile> cards = new HashMap<>();

    SandboxSessions(Clock clock) {
        this.clock = clock;
    }

    synchronized void reset() {
        sessionKeys.clear();
        cards.clear();
    }

    /** A new merchant session key; answers it and its expiry. */
    synchronized Map.Entry<String, Instant> newSessionKey() {
        String key = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Instant expiry = clock.instant().plus(SESSION_KEY_LIFETIME);
        sessionKeys.put(key, expiry);
        return Map.entry(key, expiry);
    }

    /** The expiry of a key that is still valid; empty when unknown or expired. */
    synchronized Optional<Instant> liveExpiry(String key) {
        Instant expiry = sessionKeys.get(key);
        return expiry != null && expiry.isAfter(clock.instant()) ? Optional.of(expiry) : Optional.empty();
    }

    boolean live(String key) {
        return liveExpiry(key).isPresent();
    }

    /**
     * Checks card details as {@code POST /card-identifiers} does (the simulator's own codes 1003, 1009, 1010; 1007
     * and 1008 from the contract); empty when they pass.
     */
    List<Refusal> problems(Map<?, ?> details) {
        String number = details.get("cardNumber") instanceof String text ? text : "";
        String expiry = details.get("expiryDate") instanceof String text ? text : "";
        List<Refusal> problems = new ArrayList<>();
        if (!(details.get("cardholderName") instanceof String name) || name.isBlank() || name.length() > 45) {
            problems.add(new Refusal(1003, "Missing or invalid cardholder name", "cardDetails.cardholderName"));
        }
        if (!SandboxCards.luhnValid(number)) {
            problems.add(new Refusal(1007, "The card number has failed our validity checks and is invalid",
                    "cardDetails.cardNumber"));
        } else if (SandboxCards.cardType(number).isEmpty()) {
            problems.add(new Refusal(1008, "The card is not supported", "cardDetails.cardNumber"));
        }
        if (!expiry.matches("(0[1-9]|1[0-2])[0-9]{2}") || expired(expiry)) {
            problems.add(new Refusal(1009, "The card has expired or the expiry date is invalid",
                    "cardDetails.expiryDate"));
        }
        if (details.get("securityCode") != null
                && !(details.get("securityCode") instanceof String code && code.matches("[0-9]{3,4}"))) {
            problems.add(new Refusal(1010, "The security code is invalid", "cardDetails.securityCode"));
        }
        return problems;
    }

    /** Registers checked card details against a session key; answers the card and the key's expiry. */
    synchronized Map.Entry<CardOnFile, Instant> register(String sessionKey, Map<?, ?> details) {
        String number = (String) details.get("cardNumber");
        String identifier = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        CardOnFile card = new CardOnFile(identifier, sessionKey, number, (String) details.get("expiryDate"),
                SandboxCards.cardType(number).orElseThrow(), false);
        cards.put(identifier, card);
        return Map.entry(card, sessionKeys.get(sessionKey));
    }

    /**
     * Uses a card identifier for a transaction: a single-use one must come with its live session key and is gone
     * afterwards (unless {@code save} keeps it as reusable); a reusable one needs no key.
     */
    synchronized CardOnFile use(Map<?, ?> card) throws Refusal {
        CardOnFile onFile = cards.get((String) card.get("cardIdentifier"));
        boolean reusable = Boolean.TRUE.equals(card.get("reusable"));
        if (onFile == null || reusable != onFile.reusable()) {
            throw new Refusal(1015, "Card identifier not found or already used", "paymentMethod.card.cardIdentifier");
        }
        if (!reusable && (!onFile.merchantSessionKey().equals(card.get("merchantSessionKey"))
                || !live(onFile.merchantSessionKey()))) {
            throw new Refusal(1011, "Merchant session key not found, expired or not the card identifier's",
                    "paymentMethod.card.merchantSessionKey");
        }
        if (Boolean.TRUE.equals(card.get("save")) && !reusable) {
            cards.put(onFile.cardIdentifier(), new CardOnFile(onFile.cardIdentifier(), null, onFile.cardNumber(),
                    onFile.expiryDate(), onFile.cardType(), true));
        } else if (!reusable) {
            cards.remove(onFile.cardIdentifier());
        }
        return onFile;
    }

    private boolean expired(String expiry) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int month = Integer.parseInt(expiry.substring(0, 2));
        int year = 2000 + Integer.parseInt(expiry.substring(2));
        return year < now.getYear() || year == now.getYear() && month < now.getMonthValue();
    }
}
