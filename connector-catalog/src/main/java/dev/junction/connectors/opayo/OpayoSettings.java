package dev.junction.connectors.opayo;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The plain settings of one Opayo connection, read and checked for one call: the Pi base URL (the chosen
 * environment's host unless overridden), the vendor name and, when set, the Reporting API's URL and user.
 */
public record OpayoSettings(URI baseUrl, String vendorName, URI reportingUrl, Optional<String> reportingUser) {

    public static final String ENVIRONMENT = "environment";
    public static final String BASE_URL = "baseUrl";
    public static final String VENDOR_NAME = "vendorName";
    public static final String REPORTING_URL = "reportingUrl";
    public static final String REPORTING_USER = "reportingUser";
    public static final String INTEGRATION_KEY = "integrationKey";
    public static final String INTEGRATION_PASSWORD = "integrationPassword";
    public static final String SECURITY_KEY = "securityKey";
    public static final String REPORTING_PASSWORD = "reportingPassword";
    public static final String REPORTING_LOOKBACK_HOURS = "reportingLookbackHours";
    public static final long DEFAULT_REPORTING_LOOKBACK_HOURS = 24;

    public static final String TEST = "test";
    public static final String LIVE = "live";
    public static final String TEST_BASE_URL = "https://sandbox.opayo.eu.elavon.com/api/v1";
    public static final String LIVE_BASE_URL = "https://live.opayo.eu.elavon.com/api/v1";
    // UNCONFIRMED (api-contracts §2.10): the Reporting API keeps its legacy hosts; no Elavon-host equivalent is known.
    public static final String TEST_REPORTING_URL = "https://test.sagepay.com/access/access.htm";
    public static final String LIVE_REPORTING_URL = "https://live.sagepay.com/access/access.htm";

    /** The connection's settings; a missing vendor name or a malformed URL is a permanent settings failure. */
    public static OpayoSettings of(ConnectionAccess connection) throws ConnectorException {
        String environment = connection.setting(ENVIRONMENT).orElse(TEST);
        if (!environment.equals(TEST) && !environment.equals(LIVE)) {
            throw invalid(ENVIRONMENT, "must be 'test' or 'live', not '" + environment + "'");
        }
        boolean live = environment.equals(LIVE);
        URI baseUrl = url(BASE_URL, connection.setting(BASE_URL).orElse(live ? LIVE_BASE_URL : TEST_BASE_URL));
        URI reportingUrl = url(REPORTING_URL,
                connection.setting(REPORTING_URL).orElse(live ? LIVE_REPORTING_URL : TEST_REPORTING_URL));
        String vendorName = connection.requiredSetting(VENDOR_NAME);
        return new OpayoSettings(baseUrl, vendorName, reportingUrl, connection.setting(REPORTING_USER));
    }

    /**
     * How far back the first reconciliation poll looks: {@code reportingLookbackHours}, 24 when not set, a whole
     * number from 1 to 2160 (90 days).
     */
    public static Duration reportingLookback(ConnectionAccess connection) throws ConnectorException {
        String text = connection.setting(REPORTING_LOOKBACK_HOURS).orElse(null);
        if (text == null) {
            return Duration.ofHours(DEFAULT_REPORTING_LOOKBACK_HOURS);
        }
        try {
            long hours = Long.parseLong(text.trim());
            if (hours < 1 || hours > 24 * 90) {
                throw invalid(REPORTING_LOOKBACK_HOURS, "must be between 1 and 2160 hours, not " + hours);
            }
            return Duration.ofHours(hours);
        } catch (NumberFormatException e) {
            throw invalid(REPORTING_LOOKBACK_HOURS, "'" + text + "' is not a whole number of hours");
        }
    }

    /** The URL of a Pi path such as {@code /transactions}. */
    public URI pi(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static URI url(String name, String value) throws ConnectorException {
        try {
            URI uri = new URI(value.trim());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(name, "must be an http(s) URL with a host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw invalid(name, "is not a URL: " + e.getReason());
        }
    }

    private static ConnectorException invalid(String name, String message) {
        return ConnectorException.permanentFailure("InvalidSetting", "the setting '" + name + "' " + message,
                null, null);
    }
}
