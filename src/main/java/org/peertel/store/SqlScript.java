package org.peertel.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The statements of a {@code .sql} resource under {@code /sql/}: comments dropped, split on ';' at line ends. */
final class SqlScript {

    private SqlScript() {
    }

    static List<String> load(String name) {
        try (InputStream in = SqlScript.class.getResourceAsStream("/sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource /sql/" + name);
            }
            StringBuilder text = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf("--");
                text.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
            }
            List<String> statements = new ArrayList<>();
            for (String statement : text.toString().split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            return List.copyOf(statements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
