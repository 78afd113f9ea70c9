package io.htapsync.client;

import io.htapsync.client.internal.HostGates;

/**
 * Where a 429 with {@code Retry-After} holds calls back: per host, for every client that shares this
 * object. Each client has its own by default, so one client's calls slow down together. Give the
 * same {@code HostThrottle} to the clients of one fleet (an exporter's targets, one per project, all
 * calling the same regional host) and a 429 from that host holds back all of them, instead of each
 * client meeting its own 429 before it slows down. Thread-safe; holds one small entry per throttled
 * host, removed once its wait has passed.
 */
public final class HostThrottle {
  private final HostGates gates = new HostGates();

  /** Gates that no client shares yet; pass it to {@link StarRocksReplicationClient.Builder#hostThrottle}. */
  public HostThrottle() { }

  HostGates gates() {
    return gates;
  }

  @Override
  public String toString() {
    return "HostThrottle@" + Integer.toHexString(System.identityHashCode(this));
  }
}
