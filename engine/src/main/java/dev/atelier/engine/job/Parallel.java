package dev.atelier.engine.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/// Work split over platform threads (daemon, named `name-1`, `name-2`, …) with the caller's thread taking part:
/// the first failure (e.g. a cancellation) is rethrown once all threads have stopped.
public final class Parallel {
    private Parallel() {
    }

    /// Runs `work(0..threads-1)`, one index per thread (index 0 on the caller's), and rethrows the first failure.
    public static void onThreads(String name, int threads, IntConsumer work) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            int index = t;
            helpers.add(Thread.ofPlatform().daemon().name(name + "-" + t).start(() -> {
                try {
                    work.accept(index);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        try {
            work.accept(0);
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new CancellationException("interrupted"));
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /// Runs `task(0..n-1)` on up to as many threads as there are processors (the caller's thread included),
    /// each index once; after a failure no new index is started, and the first failure is rethrown once all
    /// threads have stopped.
    public static void forEachIndex(String name, int n, IntConsumer task) {
        int threads = Math.min(n, Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int j = 0; j < n; j++) {
                task.accept(j);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        onThreads(name, threads, t -> {
            for (int j = next.getAndIncrement(); j < n && !failed.get(); j = next.getAndIncrement()) {
                try {
                    task.accept(j);
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }
        });
    }
}
