package io.htapsync.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Passes a response body through while remembering its first bytes (for a snippet if decoding fails)
 * and whether the network itself failed. That second fact separates "the connection broke while we
 * read" (retryable transport failure) from "the bytes are not the documented JSON" (decoding error),
 * which a JSON parser alone cannot tell apart: both surface as IOException.
 */
final class RecordingSource extends ForwardingSource {
  private final int keep;
  // A plain array, not an okio Buffer: a Buffer would take a pooled 8 KiB segment for these few bytes
  // and, never being read, never give it back, so every response cost a fresh segment.
  private final ByteArrayOutputStream head;
  private IOException networkFailure;

  RecordingSource(Source delegate, int keep) {
    super(delegate);
    this.keep = keep;
    this.head = new ByteArrayOutputStream(keep);
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    long read;
    try {
      read = super.read(sink, byteCount);
    } catch (IOException e) {
      networkFailure = e;
      throw e;
    }
    if (read > 0 && head.size() < keep) {
      long copy = Math.min(read, keep - head.size());
      sink.copyTo(head, sink.size() - read, copy);
    }
    return read;
  }

  IOException networkFailure() {
    return networkFailure;
  }

  String head() {
    return head.toString(StandardCharsets.UTF_8);
  }
}
