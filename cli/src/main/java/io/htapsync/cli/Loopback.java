package io.htapsync.cli;

/** Which hosts count as this machine: plain http and an exporter's default bind are allowed only there. */
public final class Loopback {
  private Loopback() {}

  /** 127.0.0.1, localhost or [::1] (as a URI's host shows it, or bare). */
  public static boolean isLoopback(String host) {
    return "127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host) || "[::1]".equals(host)
        || "::1".equals(host);
  }
}
