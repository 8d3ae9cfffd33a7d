package org.peertel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peertel.registry.RegistryCsv.HEADER;
import static org.peertel.registry.RegistryCsv.row;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.prefix.Prefix;

/** Lookups and orders of the loaded registry. */
class ConnectionRegistryTest {

    @Test
    void connectionsAreSortedByIdWhateverTheFileOrder(@TempDir Path dir) {
        ConnectionRegistry registry = RegistryLoader.load(RegistryCsv.write(
                        dir,
                        HEADER
                                + row("b-2", "zeta", "DE", "", "192.0.2.0/26")
                                + row("B-1", "alpha", "FR", "", "192.0.2.64/26")
                                + row("a-10", "zeta", "GB", "", "192.0.2.128/26")
                                + row("a-9", "alpha", "US", "WA", "2001:db8::/48")))
                .registry();

        // String.compareTo: upper case before lower case, "a-10" before "a-9"
        assertThat(registry.connections())
                .extracting(Connection::connectionId)
                .containsExactly("B-1", "a-10", "a-9", "b-2");
        assertThat(registry.connectionsOf("zeta"))
                .extracting(Connection::connectionId)
                .containsExactly("a-10", "b-2");
        assertThat(registry.connectionsOf("alpha"))
                .extracting(Connection::connectionId)
                .containsExactly("B-1", "a-9");
        assertThat(registry.customerIds()).containsExactly("alpha", "zeta");
        assertThat(registry.find("a-9").orElseThrow().line()).isEqualTo(5);
        assertThat(registry.find("A-9")).isEmpty();
        assertThat(registry.connectionsOf("nobody")).isEmpty();
    }

    @Test
    void isImmutable() {
        ConnectionRegistry registry = ConnectionRegistry.of(List.of(connection("C1", "acme")));

        assertThatThrownBy(() -> registry.connections().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> registry.customerIds().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> registry.connectionsOf("acme").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> registry.connections().get(0).prefixes().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsDuplicateIds() {
        assertThatThrownBy(() -> ConnectionRegistry.of(List.of(connection("C1", "a"), connection("C1", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'C1'");
    }

    private static Connection connection(String id, String customer) {
        return new Connection(id, customer, "Link", "Partner", "DE", "", List.of(Prefix.parse("192.0.2.0/24")), 2);
    }
}
