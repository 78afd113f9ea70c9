package io.htapsync.benchmarks.soak;

import io.htapsync.benchmarks.fixture.Heap;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a long run holds at one moment: heap used right after a full GC, live threads, and open file
 * descriptors (sockets among them), read from {@code /proc/self/fd}; -1 where there is no such folder.
 *
 * @param polls polls finished when the sample was taken
 */
public record ResourceSample(long polls, double seconds, long heapAfterGcBytes, int liveThreads, long openFds) {

  /** Collects garbage ({@link Heap#usedAfterGc()}, as the other memory measurements) and reads the three figures. */
  public static ResourceSample take(long polls, double seconds) {
    long heap = Heap.usedAfterGc();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    return new ResourceSample(polls, seconds, heap, threads, countOpenFds());
  }

  static long countOpenFds() {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    try (Stream<Path> open = Files.list(fds)) {
      return open.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** One Markdown row: polls, seconds, heap MiB, threads, fds. */
  String row() {
    return String.format("| %,d | %.1f | %.1f | %d | %d |", polls, seconds, heapAfterGcBytes / 1048576.0, liveThreads,
        openFds);
  }
}
