package org.peertel.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers for the text that repeats on every spooled row (file names, connection ids, prefixes), shared by the
 * worker threads of attributeStep. The numbers only link a spool's rows to its dictionary; which thread saw a
 * text first does not change any output.
 */
final class SpoolDictionary {

    static final String FILE = "file";
    static final String CONNECTION = "connection";
    static final String PREFIX = "prefix";

    private final Map<String, Numbering> kinds = new LinkedHashMap<>();

    SpoolDictionary() {
        kinds.put(FILE, new Numbering());
        kinds.put(CONNECTION, new Numbering());
        kinds.put(PREFIX, new Numbering());
    }

    /** The number of {@code text} among the texts of {@code kind}; the same text always gets the same number. */
    int number(String kind, String text) {
        return kinds.get(kind).number(text);
    }

    /** Per kind, the text of each number (index = number). Call once every worker is done. */
    Map<String, List<String>> texts() {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        kinds.forEach((kind, numbering) -> texts.put(kind, numbering.texts()));
        return texts;
    }

    private static final class Numbering {
        private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();

        int number(String text) {
            Integer known = numbers.get(text);
            return known != null ? known : numbers.computeIfAbsent(text, t -> next.getAndIncrement());
        }

        List<String> texts() {
            List<String> texts = new ArrayList<>(java.util.Collections.nCopies(next.get(), (String) null));
            numbers.forEach((text, no) -> texts.set(no, text));
            return texts;
        }
    }
}
