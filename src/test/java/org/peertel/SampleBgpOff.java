package org.peertel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tests' command lines without prefix events unless they ask for them. The shipped settings (read when a command
 * line names no {@code --settings}) point {@code bgp} at the sample week's BGP folder, so that the README's first
 * command shows an event; a test that runs its own days with them would get a {@code bgp: missing} in every summary.
 * A test that wants events gives {@code --bgp} (or a settings file of its own).
 */
public final class SampleBgpOff {

    private static final Set<String> DAY_COMMANDS = Set.of("run", "schedule");

    private SampleBgpOff() {}

    /** {@code args} with {@code --no-bgp} added to a {@code run} or {@code schedule} that names no BGP and no settings. */
    public static List<String> unlessAsked(List<String> args) {
        if (args.isEmpty()
                || !DAY_COMMANDS.contains(args.get(0))
                || args.stream()
                        .anyMatch(a -> a.equals("--bgp") || a.equals("--no-bgp") || a.startsWith("--settings"))) {
            return args;
        }
        List<String> off = new ArrayList<>(args);
        off.add("--no-bgp");
        return off;
    }

    /** {@link org.peertel.cli.PeertelMain#execute} of {@link #unlessAsked}{@code (args)}. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return org.peertel.cli.PeertelMain.execute(
                out, err, unlessAsked(List.of(args)).toArray(String[]::new));
    }

    /** A child JVM's command line with {@link #unlessAsked} applied to what follows the main class. */
    public static List<String> command(List<String> command) {
        int main = command.indexOf("org.peertel.cli.PeertelMain");
        if (main < 0) {
            return command;
        }
        List<String> changed = new ArrayList<>(command.subList(0, main + 1));
        changed.addAll(unlessAsked(command.subList(main + 1, command.size())));
        return changed;
    }
}
