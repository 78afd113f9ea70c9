package io.htapsync.micrometer;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A series' label set in exposition form ({@code {k="v",...}}, UTF-8, escaped), encoded once when the
 * series is created, so writing 10,000 series is mostly copying bytes. Labels are in key order, as
 * Micrometer's Prometheus registry writes them. One extra label (a task's {@code stage}) can go in its
 * sorted place: {@link #head}, then {@code stage="v"}, then {@link #tail}.
 */
final class ExpositionLabels {
  /** The whole set, braces included. */
  final byte[] all;
  /** The labels sorting before the extra one: <code>{a="1",</code>, or just <code>{</code>. */
  final byte[] head;
  /** The labels sorting after it: <code>,z="2"}</code>, or just <code>}</code>. */
  final byte[] tail;

  private ExpositionLabels(byte[] all, byte[] head, byte[] tail) {
    this.all = all;
    this.head = head;
    this.tail = tail;
  }

  /** @param extraKey the key of the label {@link #head} and {@link #tail} leave room for */
  static ExpositionLabels of(Tags tags, String extraKey) {
    ByteArrayOutputStream all = new ByteArrayOutputStream(128);
    ByteArrayOutputStream head = new ByteArrayOutputStream(128);
    ByteArrayOutputStream tail = new ByteArrayOutputStream(128);
    all.write('{');
    head.write('{');
    for (Tag tag : tags) {
      if (all.size() > 1) {
        all.write(',');
      }
      writeLabel(all, tag.getKey(), tag.getValue());
      if (tag.getKey().compareTo(extraKey) < 0) {
        writeLabel(head, tag.getKey(), tag.getValue());
        head.write(',');
      } else {
        tail.write(',');
        writeLabel(tail, tag.getKey(), tag.getValue());
      }
    }
    all.write('}');
    tail.write('}');
    return new ExpositionLabels(all.toByteArray(), head.toByteArray(), tail.toByteArray());
  }

  /** Just the set, with no room kept for another label. */
  static ExpositionLabels of(Tags tags) {
    return of(tags, "\uffff");
  }

  /** {@code key="value"}, the value escaped as both formats require: backslash, double quote, newline. */
  static void writeLabel(ByteArrayOutputStream out, String key, String value) {
    out.writeBytes(key.getBytes(StandardCharsets.UTF_8));
    out.write('=');
    out.write('"');
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '"' -> escaped.append("\\\"");
        case '\n' -> escaped.append("\\n");
        default -> escaped.append(c);
      }
    }
    out.writeBytes(escaped.toString().getBytes(StandardCharsets.UTF_8));
    out.write('"');
  }
}
