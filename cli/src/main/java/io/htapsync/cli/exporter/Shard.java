package io.htapsync.cli.exporter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code K} of {@code N} (1-based): the instances whose stable hash of project and instance
 * falls there. SHA-256 rather than {@code String.hashCode}: the split must be the same on every
 * replica, JVM and release, and even across instance ids that differ only slightly.
 */
public record Shard(int index, int count) {
  /** Everything: one exporter for the whole fleet. */
  public static final Shard ALL = new Shard(1, 1);
  private static final Pattern FORM = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard must be K/N with 1 <= K <= N, got " + index + "/" + count);
    }
  }

  /** Reads {@code K/N}, e.g. {@code 2/3}. */
  public static Shard parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("--shard must be K/N (e.g. 1/3 for the first of three replicas), got '"
          + FleetFileParser.shown(String.valueOf(text)).replace("\"", "") + "'");
    }
    try {
      return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + e.getMessage(), e);
    }
  }

  public boolean contains(String projectId, String instanceId) {
    if (count == 1) {
      return true;
    }
    return Long.remainderUnsigned(hash(projectId + "/" + instanceId), count) == index - 1;
  }

  static long hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
