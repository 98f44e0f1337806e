package dev.junction.connectors.outbound;

import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The outbound address policy decides on addresses, after resolution, without sending anything: these tests only
 * ask the policy object (its resolver is a map here, so no name is looked up and no address is ever connected to).
 */
class OutboundPolicyTest {

    /** Names and what they "resolve" to: a rebinding attacker's names among them. */
    private static final Map<String, String> DNS = Map.of(
            "metadata.attacker.example", "169.254.169.254",
            "intranet.attacker.example", "10.0.0.1",
            "public.example", "93.184.216.34",
            "erp.internal", "192.168.1.1");

    private static OutboundPolicy policy(String allowList) {
        return new OutboundPolicy(Allowance.parseList(allowList), host -> {
            String address = DNS.getOrDefault(host, Literals.isAddressLiteral(host) ? host : null);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)}; // a literal: no lookup
        });
    }

    private static ConnectorException refusal(OutboundPolicy policy, String url) {
        return catchThrowableOfType(ConnectorException.class, () -> policy.admit(URI.create(url)));
    }

    @Test
    void refusesLoopbackLinkLocalPrivateCgnatUnspecifiedMulticastAndBroadcastByDefault() {
        OutboundPolicy strict = policy("");
        for (String url : List.of("http://127.0.0.1:8080/actuator/health", "http://127.1.2.3/", "http://[::1]/",
                "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://10.0.0.1/",
                "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://[fc00::1]/",
                "http://[fd12:3456::1]/", "http://100.64.0.1/", "http://100.127.255.254/", "http://0.0.0.0/",
                "http://[::]/", "http://224.0.0.1/", "http://[ff02::1]/", "http://255.255.255.255/",
                "http://[::ffff:10.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a00:1]/",
                "http://metadata.attacker.example/", "https://intranet.attacker.example/")) {
            ConnectorException refused = refusal(strict, url);
            assertThat(refused).as(url).isNotNull();
            assertThat(refused.errorClass()).as(url).isEqualTo("OutboundAddressRefused");
            assertThat(refused.retryable()).as(url).isFalse();
            assertThat(refused.getMessage()).as(url).contains("outbound address policy")
                    .contains("JUNCTION_OUTBOUND_ALLOW").contains("nothing was sent");
        }
        assertThat(refusal(strict, "http://metadata.attacker.example/").getMessage())
                .contains("metadata.attacker.example").contains("169.254.169.254").contains("link-local");
        assertThat(refusal(strict, "http://192.168.1.1/").getMessage()).contains("192.168.1.1")
                .contains("private").contains("192.168.0.0/16");
    }

    @Test
    void admitsPublicAddressesAndPinsWhatTheNameResolvedTo() throws ConnectorException {
        OutboundPolicy strict = policy("");

        OutboundPolicy.Admitted admitted = strict.admit(URI.create("https://public.example/api"));
        OutboundPolicy.Admitted literal = strict.admit(URI.create("http://8.8.8.8:8080/"));

        assertThat(admitted.host()).isEqualTo("public.example");
        assertThat(admitted.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(admitted.port()).isEqualTo(443);
        assertThat(literal.port()).isEqualTo(8080);
        assertThat(refusal(strict, "http://172.15.255.255/")).as("just below 172.16/12").isNull();
        assertThat(refusal(strict, "http://100.128.0.1/")).as("just above 100.64/10").isNull();
    }

    @Test
    void theAllowListOpensRangesAddressesPortsAndNamesOnly() throws ConnectorException {
        OutboundPolicy allowing = policy("10.0.0.0/8, 192.168.1.1:8443 erp.internal:8080,[fd00::5]:443");

        allowing.admit(URI.create("http://10.20.30.40/"));
        allowing.admit(URI.create("https://intranet.attacker.example/")); // resolves into 10/8, which is allowed
        allowing.admit(URI.create("https://192.168.1.1:8443/"));
        allowing.admit(URI.create("http://erp.internal:8080/orders"));
        allowing.admit(URI.create("https://[fd00::5]/"));

        assertThat(refusal(allowing, "http://192.168.1.1:8080/")).as("another port").isNotNull();
        assertThat(refusal(allowing, "http://erp.internal:9090/")).as("another port of the name").isNotNull();
        assertThat(refusal(allowing, "http://169.254.169.254/")).isNotNull();
        assertThat(refusal(allowing, "https://[fd00::6]/")).isNotNull();
    }

    @Test
    void aSandboxMountAllowanceOpensOnlyItsPortAndPaths() throws ConnectorException {
        OutboundPolicy sandbox = new OutboundPolicy(List.of(Allowance.of("127.0.0.0/8", 8080, "/sandbox/"),
                Allowance.of("::1", 8080, "/sandbox/")));

        sandbox.admit(URI.create("http://127.0.0.1:8080/sandbox/opayo/api/v1/transactions"));
        sandbox.admit(URI.create("http://[::1]:8080/sandbox/amazon/auth/o2/token"));

        for (String url : List.of("http://127.0.0.1:8080/actuator/health", "http://127.0.0.1:8080/api/v1/users",
                "http://127.0.0.1:8080/hooks/x", "http://127.0.0.1:8080/sandboxx/", "http://127.0.0.1:5432/sandbox/",
                "http://127.0.0.1:8080/sandbox/../api/v1/users", "http://127.0.0.1:8080/sandbox/%2e%2e/api/v1/users",
                "http://127.0.0.1:8080/sandbox/..;/api/v1/users", "http://127.0.0.1:8080/sandbox/x%2f..%2f..%2fapi")) {
            assertThat(refusal(sandbox, url)).as(url).isNotNull();
        }
    }

    @Test
    void onlyHttpAndHttpsAreCalledAndAMalformedAllowListIsNamed() {
        assertThat(refusal(policy(""), "ftp://public.example/").getMessage()).contains("only http and https");
        assertThat(refusal(policy(""), "http://nowhere.invalid/").errorClass()).isEqualTo("UnknownHost");
        assertThatThrownBy(() -> Allowance.parseList("10.0.0.0/33"))
                .hasMessageContaining("10.0.0.0/33").hasMessageContaining("prefix length");
        assertThatThrownBy(() -> Allowance.parseList("10.0.0.1:99999")).hasMessageContaining("port");
        assertThatThrownBy(() -> Allowance.parseList("http://x/")).hasMessageContaining("http://x/");
    }
}
