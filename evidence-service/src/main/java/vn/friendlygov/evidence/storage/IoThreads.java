package vn.friendlygov.evidence.storage;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The upload path's file I/O threads: up to 64 daemon threads, none kept idle past 30 s, no queue. */
public final class IoThreads {

    private IoThreads() {
    }

    /**
     * A pool that refuses work ({@link java.util.concurrent.RejectedExecutionException}) when all 64 threads are busy,
     * so that the caller does the work itself instead of queueing it.
     */
    public static ThreadPoolExecutor pool(String threadName) {
        return new ThreadPoolExecutor(0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }
}
