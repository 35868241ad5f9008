package org.peersupport.portal.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request came from, for sign-in throttling, the certificate check's rate limit and the audit trail.
 * {@code X-Forwarded-For} is believed only when the connection comes from a proxy listed in
 * {@code portal.proxy.trusted} (addresses or CIDR ranges, comma-separated; none by default): anyone else could write
 * any address there. Behind trusted proxies the client is the right-most address of the header that is not itself a
 * trusted proxy, since each proxy appends the address it was connected from and only the right end is theirs.
 */
@ApplicationScoped
public class ClientAddress {

    static final String HEADER = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Inject
    PortalConfig config;

    private volatile List<Range> trusted;

    /** The client's address of this request, never null (the connection's own address when in doubt). */
    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeaders(HEADER) == null ? List.of()
                : java.util.Collections.list(request.getHeaders(HEADER)), trusted());
    }

    static String resolve(String remote, List<String> forwardedHeaders, List<Range> trusted) {
        String client = remote == null ? "" : remote;
        if (!isTrusted(client, trusted)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedHeaders) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return client; // a garbled entry: trust nothing to its left
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(client, trusted)) {
                return client;
            }
        }
        return client;
    }

    private List<Range> trusted() {
        List<Range> ranges = trusted;
        if (ranges == null) {
            ranges = parse(config.value(PortalSetting.PROXY_TRUSTED).orElse(""));
            trusted = ranges;
        }
        return ranges;
    }

    /** The trusted proxies of a setting; an entry that is not an address or CIDR range is a configuration error. */
    static List<Range> parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int slash = item.indexOf('/');
            InetAddress address = literal(slash < 0 ? item : item.substring(0, slash)).orElseThrow(() ->
                    new IllegalArgumentException("portal.proxy.trusted: not an IP address or CIDR range: " + item));
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(item.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("portal.proxy.trusted: bad prefix length in " + item);
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return List.copyOf(ranges);
    }

    private static boolean isTrusted(String address, List<Range> trusted) {
        if (trusted.isEmpty()) {
            return false;
        }
        return literal(address).map(a -> trusted.stream().anyMatch(r -> r.contains(a.getAddress()))).orElse(false);
    }

    /** An IP address written as a literal; never a name (so never a DNS look-up). */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.length() > 45 || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()
                && java.util.Arrays.stream(text.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return Optional.empty(); // else Java would take it for a host name and look it up
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** An address range: the first {@code prefix} bits of {@code network}. */
    record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
