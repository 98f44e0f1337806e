package dev.junction.connectors.outbound;

import java.util.regex.Pattern;

/** Whether a host is an IP address literal (resolved without any name lookup) rather than a name. */
final class Literals {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Literals() {
    }

    static boolean isAddressLiteral(String host) {
        String bare = unbracketed(host);
        if (bare.indexOf(':') >= 0) {
            return true; // the JDK never looks a name with ':' up: an IPv6 literal or nothing
        }
        if (!IPV4.matcher(bare).matches()) {
            return false;
        }
        for (String octet : bare.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IPv6 literal without its URI brackets ({@code [::1]} → {@code ::1}). */
    static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
