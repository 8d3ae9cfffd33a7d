package org.peertel.config;

/**
 * A setting or input file that stops a run before any output is touched. The message names the file, the line
 * where known, and the fix; the command line turns it into exit code 2.
 */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
