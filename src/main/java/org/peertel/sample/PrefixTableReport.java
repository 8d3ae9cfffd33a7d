package org.peertel.sample;

import java.nio.file.Path;

/**
 * What was read from a prefix table and why lines were left out.
 *
 * @param file           the table
 * @param lines          lines read, blank and comment lines included
 * @param usableIpv4     distinct IPv4 prefixes the registry would accept
 * @param usableIpv6     distinct IPv6 prefixes the registry would accept
 * @param usedIpv4       IPv4 prefixes registered (all usable ones unless fewer were asked for)
 * @param usedIpv6       IPv6 prefixes registered
 * @param invalid        lines that are not a strict CIDR block (malformed, host bits set)
 * @param specialPurpose prefixes overlapping special-purpose space, which the registry refuses
 * @param noPrefixSpace  prefixes overlapping the blocks kept free for no_prefix clients
 * @param duplicates     prefixes listed before (also as IPv4-mapped IPv6), which one registry cannot hold twice
 */
public record PrefixTableReport(
        Path file,
        long lines,
        int usableIpv4,
        int usableIpv6,
        int usedIpv4,
        int usedIpv6,
        long invalid,
        long specialPurpose,
        long noPrefixSpace,
        long duplicates) {

    /** Lines that name a prefix but were not used because the registry would refuse them. */
    public long skipped() {
        return invalid + specialPurpose + noPrefixSpace + duplicates;
    }

    /** One line for stderr. */
    public String describe() {
        return String.format(
                "prefix table %s: %,d lines, %,d IPv4 + %,d IPv6 prefixes usable, %,d IPv4 + %,d IPv6 "
                        + "registered; %,d skipped (%,d invalid, %,d special-purpose space, %,d in the no_prefix test "
                        + "blocks %s and %s, %,d duplicates)",
                file,
                lines,
                usableIpv4,
                usableIpv6,
                usedIpv4,
                usedIpv6,
                skipped(),
                invalid,
                specialPurpose,
                noPrefixSpace,
                UnregisteredSpace.NO_PREFIX_IPV4,
                UnregisteredSpace.NO_PREFIX_IPV6,
                duplicates);
    }
}
