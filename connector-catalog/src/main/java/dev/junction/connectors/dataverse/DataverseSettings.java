package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A connection's Dataverse settings, checked: the organisation URL (https, or http to a loopback sandbox), the
 * token endpoint made of the authority URL and tenant, and the client id. The Web API base and the OAuth scope
 * follow from the organisation URL.
 */
record DataverseSettings(String organizationUrl, String tokenUrl, String clientId) {

    static final String ORGANIZATION_URL = "organizationUrl";
    static final String AUTHORITY_URL = "authorityUrl";
    static final String TENANT_ID = "tenantId";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9.-]{1,100}");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    static DataverseSettings of(ConnectionAccess connection) throws ConnectorException {
        String organization = url(ORGANIZATION_URL, connection.requiredSetting(ORGANIZATION_URL));
        String authority = url(AUTHORITY_URL, connection.setting(AUTHORITY_URL).orElse(DEFAULT_AUTHORITY));
        String tenant = connection.requiredSetting(TENANT_ID).strip();
        if (!TENANT.matcher(tenant).matches()) {
            throw invalid(TENANT_ID, "must be the directory (tenant) id or a domain such as contoso.onmicrosoft.com");
        }
        return new DataverseSettings(organization, authority + "/" + tenant + "/oauth2/v2.0/token",
                connection.requiredSetting(CLIENT_ID).strip());
    }

    /** {@code https://contoso.crm4.dynamics.com/api/data/v9.2/}. */
    String apiBase() {
        return organizationUrl + "/api/data/v9.2/";
    }

    /** {@code https://contoso.crm4.dynamics.com/.default} (api-contracts §3.1). */
    String scope() {
        return organizationUrl + "/.default";
    }

    private static String url(String name, String value) throws ConnectorException {
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(name, "is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw invalid(name, "must be a URL such as https://contoso.crm4.dynamics.com (no query or user)");
        }
        boolean secure = "https".equals(uri.getScheme());
        boolean sandbox = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        if (!secure && !sandbox) {
            throw invalid(name, "must use https (plain http only reaches a sandbox on this machine)");
        }
        return trimmed;
    }

    private static ConnectorException invalid(String setting, String problem) {
        return ConnectorException.permanentFailure("InvalidSetting", "the connection's '" + setting + "' setting "
                + problem, null, null);
    }
}
