package org.peertel;

/** What a test's child JVM running peertel from the class path needs, as `java -jar` gets it from the manifest. */
public final class ChildJvm {

    /** Arrow's memory reads java.nio internals (pom.xml: the jar's Add-Opens, surefire's argLine). */
    public static final String ARROW_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private ChildJvm() {}
}
