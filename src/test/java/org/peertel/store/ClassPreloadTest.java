package org.peertel.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassPreloadTest {

    static final class Slow {
        static final long LOADED_AT = System.nanoTime();
    }

    static final class Broken {
        static {
            if (Boolean.parseBoolean("true")) {
                throw new IllegalStateException("no native library for this platform");
            }
        }
    }

    @Test
    void initialisesTheClassBeforeItIsUsed() {
        ClassPreload preload = new ClassPreload(Slow.class.getName());
        long before = System.nanoTime();
        preload.start();
        preload.await();
        long after = System.nanoTime();
        assertTrue(Slow.LOADED_AT >= before && Slow.LOADED_AT <= after, "initialised between start and await");
    }

    @Test
    void theFirstWaiterGetsTheErrorTheFirstUseWouldHaveThrown() {
        ClassPreload preload = new ClassPreload(Broken.class.getName());
        preload.start();
        preload.awaitQuietly(); // a session that ends keeps the failure for the next first use

        ExceptionInInitializerError error = assertThrows(ExceptionInInitializerError.class, preload::await);
        assertInstanceOf(IllegalStateException.class, error.getCause());
        assertEquals("no native library for this platform", error.getCause().getMessage());
        assertDoesNotThrow(preload::await, "reported once; later uses fail as the class itself then fails");
        assertThrows(NoClassDefFoundError.class, () -> Class.forName(Broken.class.getName()));
    }

    @Test
    void aMissingClassOrNoStartIsNothingToWaitFor() {
        ClassPreload missing = new ClassPreload("org.peertel.job.NoSuchClass");
        missing.start();
        assertDoesNotThrow(missing::await);
        assertDoesNotThrow(new ClassPreload(Broken.class.getName())::await, "never started");
    }
}
