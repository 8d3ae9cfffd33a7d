package org.peertel.sample;

import java.util.ArrayList;
import java.util.List;
import org.peertel.prefix.IpAddress;
import org.peertel.prefix.Prefix;

/**
 * Generates the prefixes of a scale registry when no prefix table is given. Address plan:
 * <ul>
 *   <li>IPv4 base prefixes spread evenly over 1.0.0.0 .. 223.255.255.255, mostly /24 with some /23 .. /19 (a
 *       full table's mix, roughly); IPv6 base prefixes spread over 2000::/3, mostly /48 with /44, /40, /36 and
 *       /32. Base prefixes never overlap one another;</li>
 *   <li>a nested prefix sits at the end of a base prefix: a /24 in a shorter IPv4 prefix, a /26 in a /24, and for
 *       IPv6 the prefix 8 bits longer (a /56 in a /48);</li>
 *   <li>nothing overlaps special-purpose space or the no_prefix blocks ({@link UnregisteredSpace}): a block that
 *       would is moved past it.</li>
 * </ul>
 */
final class SyntheticPrefixes {

    /** IPv4 plan in /24 units: 1.0.0.0/24 .. 223.255.255.0/24. */
    private static final long V4_FIRST_SLOT = 1L << 16;

    private static final long V4_END_SLOT = 224L << 16;
    /** IPv6 plan in /48 units inside 2000::/3. */
    private static final long V6_END_SLOT = 1L << 45;

    private static final long V6_BASE_HIGH = 0x2000_0000_0000_0000L;

    private static final int[] V4_LENGTHS = {24, 23, 22, 21, 20, 19};
    private static final double[] V4_WEIGHTS = {0.70, 0.08, 0.10, 0.05, 0.05, 0.02};
    private static final int[] V6_LENGTHS = {48, 44, 40, 36, 32};
    private static final double[] V6_WEIGHTS = {0.55, 0.10, 0.10, 0.10, 0.15};

    private SyntheticPrefixes() {}

    /** {@code ipv4} and {@code ipv6} distinct prefixes, {@code nestedShare} of each family nested. */
    static PrefixPlan plan(int ipv4, int ipv6, double nestedShare, long seed) {
        return new PrefixPlan(
                family(true, ipv4, nestedShare, SplitMix64.forStream(seed, -4, 4)),
                family(false, ipv6, nestedShare, SplitMix64.forStream(seed, -4, 6)),
                null);
    }

    private static PrefixPlan.Family family(boolean v4, int count, double nestedShare, SplitMix64 random) {
        int nestedCount = ScaleSettings.nestedPrefixes(count, nestedShare);
        List<Prefix> bases = bases(v4, count - nestedCount, random);
        List<Prefix> nested = new ArrayList<>(nestedCount);
        int[] parents = new int[nestedCount];
        for (int k = 0; k < nestedCount; k++) {
            parents[k] = (int) ((long) k * bases.size() / nestedCount);
            nested.add(nestedAtEnd(bases.get(parents[k])));
        }
        return new PrefixPlan.Family(bases, nested, parents);
    }

    private static List<Prefix> bases(boolean v4, int count, SplitMix64 random) {
        long firstSlot = v4 ? V4_FIRST_SLOT : 0;
        long endSlot = v4 ? V4_END_SLOT : V6_END_SLOT;
        int slotLength = v4 ? 24 : 48;
        double spacing = count == 0 ? 0 : (endSlot - firstSlot) / (double) count;
        List<Prefix> bases = new ArrayList<>(count);
        long cursor = firstSlot;
        for (int k = 0; k < count; k++) {
            int length = v4 ? pick(V4_LENGTHS, V4_WEIGHTS, random) : pick(V6_LENGTHS, V6_WEIGHTS, random);
            long size = 1L << (slotLength - length);
            long start = alignUp(Math.max(cursor, firstSlot + (long) (k * spacing)), size);
            while (true) {
                if (start + size > endSlot) {
                    throw new IllegalArgumentException("the synthetic address plan has no room for " + count
                            + (v4 ? " IPv4" : " IPv6") + " prefixes; ask for fewer");
                }
                Prefix prefix = prefixAtSlot(v4, start, length);
                var blocker = UnregisteredSpace.blocking(prefix);
                if (blocker.isEmpty()) {
                    bases.add(prefix);
                    break;
                }
                start = alignUp(slotOf(v4, lastAddress(blocker.get())) + 1, size);
            }
            cursor = start + size;
        }
        return bases;
    }

    /** The more-specific at the very end of {@code parent} (so the parent keeps its lower addresses). */
    private static Prefix nestedAtEnd(Prefix parent) {
        int length = parent.isIpv4() ? (parent.length() < 24 ? 24 : parent.length() + 2) : parent.length() + 8;
        int hostBits = (parent.isIpv4() ? 32 : 128) - length;
        IpAddress last = lastAddress(parent);
        long lowMask = hostBits >= 64 ? -1L : (1L << hostBits) - 1;
        long highMask = hostBits <= 64 ? 0 : (1L << (hostBits - 64)) - 1;
        return new Prefix(new IpAddress(last.high() & ~highMask, last.low() & ~lowMask), length);
    }

    /** The last address of {@code prefix}. */
    static IpAddress lastAddress(Prefix prefix) {
        int keyLength = prefix.keyLength();
        long highHost = keyLength >= 64 ? 0 : -1L >>> keyLength;
        long lowHost = keyLength >= 128 ? 0 : keyLength <= 64 ? -1L : -1L >>> (keyLength - 64);
        return new IpAddress(
                prefix.network().high() | highHost, prefix.network().low() | lowHost);
    }

    private static Prefix prefixAtSlot(boolean v4, long slot, int length) {
        IpAddress network = v4 ? IpAddress.ofIpv4((int) (slot << 8)) : new IpAddress(V6_BASE_HIGH + (slot << 16), 0);
        return new Prefix(network, length);
    }

    /** The slot (/24 or /48 of the plan) holding {@code address}; may lie outside the plan. */
    private static long slotOf(boolean v4, IpAddress address) {
        return v4 ? Integer.toUnsignedLong(address.ipv4Bits()) >>> 8 : (address.high() - V6_BASE_HIGH) >> 16;
    }

    private static long alignUp(long value, long size) {
        return (value + size - 1) / size * size;
    }

    private static int pick(int[] values, double[] weights, SplitMix64 random) {
        double u = random.nextDouble();
        for (int i = 0; i < values.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
