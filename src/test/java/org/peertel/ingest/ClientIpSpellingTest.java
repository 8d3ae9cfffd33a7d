package org.peertel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client_ip rules of docs/input-rules.md, one spelling per row: accepted as the IPv4
 * address, accepted as the IPv6 address (RFC 5952 text), or refused as {@code bad_client_ip}.
 */
class ClientIpSpellingTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            ignoreLeadingAndTrailingWhitespace = false,
            value = {
                // IPv4: exactly four decimal octets 0-255, no leading zero
                "192.0.2.1|192.0.2.1",
                "0.0.0.0|0.0.0.0", // the lowest and highest IPv4 addresses
                "255.255.255.255|255.255.255.255",
                "192.0.2.010|bad_client_ip", // leading zero (octal in some parsers)
                "192.0.2.00|bad_client_ip",
                "10.1|bad_client_ip", // shorthand (for 10.0.0.1: a refused text, no address)
                "3221225985|bad_client_ip", // a 32-bit integer
                "0xC0.0.2.1|bad_client_ip", // hex octet
                "0300.0.2.1|bad_client_ip", // octal octet
                "192.0.2.256|bad_client_ip",
                "192.0.2.1.|bad_client_ip",
                "192.0.2|bad_client_ip",
                "192.0.2.1/32|bad_client_ip", // a prefix
                "192.0. 2.1|bad_client_ip", // inner space
                "\uff11\uff19\uff12.0.2.1|bad_client_ip", // non-ASCII digits
                // surrounding spaces and tabs are trimmed with every field
                "  192.0.2.1\t|192.0.2.1",
                // IPv6: RFC 4291 text, hex in any case, at most one ::, an IPv4 tail allowed
                "2001:db8::1|2001:db8::1",
                "2001:DB8::A|2001:db8::a",
                "2001:0db8:0000:0000:0000:0000:0000:0001|2001:db8::1",
                "::|::", // the unspecified and loopback addresses
                "::1|::1",
                "2001:db8::|2001:db8::",
                "2001:db8:3:4:5:6:7::|2001:db8:3:4:5:6:7:0",
                "::2:3:4:5:6:7:8|0:2:3:4:5:6:7:8", // a lone leading zero group: no room for 2001:db8
                "64:ff9b::192.0.2.1|64:ff9b::c000:201", // NAT64: stays IPv6
                "::192.0.2.1|::c000:201", // IPv4-compatible (deprecated): stays IPv6
                "::ffff:0:192.0.2.1|::ffff:0:c000:201", // IPv4-translated: stays IPv6
                // IPv4-mapped IPv6 is the IPv4 address, whatever the spelling
                "::ffff:192.0.2.1|192.0.2.1",
                "::FFFF:192.0.2.1|192.0.2.1",
                "::ffff:c000:201|192.0.2.1",
                "0:0:0:0:0:ffff:c000:0201|192.0.2.1",
                "::ffff:192.0.2.010|bad_client_ip", // the IPv4 tail follows the IPv4 rules
                // refused texts below: their digits carry the syntax error, not an address space
                "1::2:3:4:5:6:7:8|bad_client_ip", // :: must stand for at least one group
                "1:2:3:4:5:6:7:8:9|bad_client_ip",
                "1:2:3:4:5:6:7|bad_client_ip",
                "2001:db8:::1|bad_client_ip",
                "2001:db8::1::2|bad_client_ip",
                "2001:00db8::1|bad_client_ip", // 5 hex digits
                ":1::2|bad_client_ip",
                "1::2:|bad_client_ip",
                "2001:db8::g|bad_client_ip",
                "[2001:db8::1]|bad_client_ip", // brackets (URL form)
                "fe80::1%eth0|bad_client_ip", // zone id
                "fe80::1%25eth0|bad_client_ip",
                "fe80::1%1|bad_client_ip",
                "fe80::1%|bad_client_ip",
                "1:2:3:4:5:6:7:192.0.2.1|bad_client_ip", // an IPv4 tail takes two groups
            })
    void eachSpellingIsAcceptedOrRefusedByItsRule(String spelling, String outcome) {
        LatencyRow row = new DayFolder(root).singleRow("2026-11-19T10:00:00Z," + quoted(spelling) + ",DE,,fra1,1");

        if (outcome.equals("bad_client_ip")) {
            assertThat(row)
                    .isInstanceOfSatisfying(
                            RejectedRow.class,
                            reject -> assertThat(reject.reason()).isEqualTo(RejectReason.BAD_CLIENT_IP));
        } else {
            assertThat(row)
                    .isInstanceOfSatisfying(
                            Measurement.class,
                            measurement -> assertThat(measurement.clientIp()).hasToString(outcome));
        }
    }

    private static String quoted(String field) {
        return field.contains(",") ? "\"" + field + "\"" : field;
    }
}
