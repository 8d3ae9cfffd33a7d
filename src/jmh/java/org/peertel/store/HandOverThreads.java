package org.peertel.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the parts of a hand-over on threads of their own and waits for all of them. */
final class HandOverThreads {

    /** One part, by its number 0 .. parts - 1. */
    interface Part {
        void run(int part) throws Exception;
    }

    private HandOverThreads() {}

    /** Runs parts 0 .. parts - 1 at once, one thread each; throws the first part's failure after all ended. */
    static void run(int parts, Part part) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int number = p;
                running.add(pool.submit(() -> {
                    part.run(number);
                    return null;
                }));
            }
            Exception failure = null;
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first row of part {@code part} when {@code rows} rows are split evenly into {@code parts}. */
    static int from(int rows, int parts, int part) {
        return (int) ((long) rows * part / parts);
    }
}
