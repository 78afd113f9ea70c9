package io.htapsync.client.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Virtual time for poll loops driven by sources that answer at once: tasks run on the test's thread,
 * in due order, and time jumps to each one. Half an hour of polling takes milliseconds.
 */
final class VirtualTimer implements PollTimer {
  private static final class Entry {
    final long due;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Entry(long due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }
  }

  private final PriorityQueue<Entry> queue = new PriorityQueue<>(
      (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private long nanos;
  private long seq;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return Tasks.T0.plusNanos(nanos);
  }

  Duration elapsed() {
    return Duration.ofNanos(nanoTime());
  }

  @Override
  public synchronized Scheduled schedule(Runnable task, Duration delay) {
    Entry entry = new Entry(nanos + delay.toNanos(), seq++, task);
    queue.add(entry);
    return () -> {
      synchronized (this) {
        entry.cancelled = true;
      }
    };
  }

  /** Runs every task due up to {@code limit} from the start; returns how many ran. */
  int runUntil(Duration limit) {
    int ran = 0;
    while (true) {
      Entry next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due > limit.toNanos()) {
          return ran;
        }
        queue.poll();
        if (next.cancelled) {
          continue;
        }
        nanos = next.due;
      }
      next.task.run();
      ran++;
    }
  }

  /** Tasks still waiting to run (cancelled ones excluded). */
  synchronized long pending() {
    return queue.stream().filter(e -> !e.cancelled).count();
  }
}
