package org.peertel.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Compose file for DeployExamplesTest, read with regular expressions rather than a YAML library: the
 * layout of the deploy example (two spaces an indent level, a service's keys at four, {@code command} as a flow
 * sequence, volumes as {@code - name:/path}). Anything it cannot find fails the test, naming what is missing.
 */
record ComposeFile(String text) {

    static ComposeFile read(Path file) throws IOException {
        return new ComposeFile(Files.readString(file));
    }

    /** The lines under a top-level key, up to the next top-level key. */
    String section(String key) {
        return find("(?ms)^" + Pattern.quote(key) + ":\\n(.*?)(?=^\\S|\\z)", text, "top-level " + key + ":");
    }

    /** A service of {@code services:}. */
    Service service(String name) {
        return new Service(
                name, find("(?ms)^  " + Pattern.quote(name) + ":\\n(.*?)(?=^  \\S|\\z)", section("services"), name));
    }

    /** The lines of one service, up to the next service (or a comment at its indent). */
    record Service(String name, String text) {

        /** The value of one of its keys, as written. */
        String key(String key) {
            return find("(?m)^    " + Pattern.quote(key) + ": (.*)$", text, name + ": " + key)
                    .trim();
        }

        /** A variable of its {@code environment:} mapping, as written. */
        String environment(String variable) {
            return find("(?m)^      " + Pattern.quote(variable) + ": (.*)$", text, name + ": " + variable)
                    .trim();
        }

        /** Its {@code command: [...]}, one word an element. */
        List<String> command() {
            return Arrays.stream(find("(?ms)^    command: \\[(.*?)]", text, name + ": command: [...]")
                            .split(","))
                    .map(word -> word.trim().replace("\"", ""))
                    .toList();
        }

        /** Its named volumes and where each is mounted ({@code - volume:/path}), in order. */
        Map<String, String> mounts() {
            String list = find("(?m)^    volumes:\\n((?:      - .*\\n)+)", text, name + ": volumes:");
            Map<String, String> mounts = new LinkedHashMap<>();
            Matcher mount = Pattern.compile("(?m)^      - ([\\w.-]+):(/\\S*)$").matcher(list);
            while (mount.find()) {
                mounts.put(mount.group(1), mount.group(2));
            }
            return mounts;
        }
    }

    private static String find(String regex, String text, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "the Compose file has no " + what);
        return m.group(1);
    }
}
