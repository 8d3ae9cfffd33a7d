package org.peertel.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the edge PoP names of one input file in order of first appearance, so that a measurement row stores a
 * small number instead of the name (the day's names go to the spool once per file). A file usually holds one or
 * a few PoPs and consecutive rows the same one, so the last name is checked first, without making a String.
 */
final class EdgePopNumbers {

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private byte[] lastBytes = new byte[0];
    private int lastNumber = -1;

    /** The number of {@code name}, given one when it is new. */
    int number(String name) {
        Integer number = numbers.get(name);
        if (number == null) {
            number = names.size();
            numbers.put(name, number);
            names.add(name);
        }
        return number;
    }

    /** The number of the ASCII name {@code text[from, to)}. */
    int number(byte[] text, int from, int to) {
        if (lastNumber >= 0 && Arrays.equals(text, from, to, lastBytes, 0, lastBytes.length)) {
            return lastNumber;
        }
        lastBytes = Arrays.copyOfRange(text, from, to);
        lastNumber = number(new String(lastBytes, StandardCharsets.US_ASCII));
        return lastNumber;
    }

    /** The names by number. */
    List<String> names() {
        return names;
    }
}
