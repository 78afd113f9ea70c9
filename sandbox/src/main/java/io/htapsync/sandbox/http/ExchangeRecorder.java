package io.htapsync.sandbox.http;

import io.htapsync.sandbox.RecordedExchange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Keeps the most recent exchanges, up to a limit, so a long-running sandbox does not grow without end. */
public final class ExchangeRecorder {

    private final int limit;
    private final Deque<RecordedExchange> exchanges = new ArrayDeque<>();

    public ExchangeRecorder(int limit) {
        this.limit = limit;
    }

    public synchronized void record(RecordedExchange exchange) {
        if (exchanges.size() == limit) {
            exchanges.removeFirst();
        }
        exchanges.addLast(exchange);
    }

    /** Oldest first. */
    public synchronized List<RecordedExchange> all() {
        return List.copyOf(exchanges);
    }

    public synchronized void clear() {
        exchanges.clear();
    }
}
