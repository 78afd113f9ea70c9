package io.htapsync.benchmarks.exporter;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A scraper that costs next to nothing itself: one kept-alive HTTP/1.1 connection, the request written
 * in one go, the body read straight into an array of its {@code Content-Length}, as Prometheus' own
 * scraper reads it. The JDK's {@code HttpClient} hands a body over in 16 KiB buffers through its
 * reactive pipeline and then joins them, which for a 3 MiB body costs about as much as the exporter's
 * side of the scrape (BENCHMARKS.md, row 6c: both clients against the same static body).
 */
final class SocketScraper implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  SocketScraper(InetSocketAddress server) throws IOException {
    socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(server, 5_000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The body of {@code GET path}; fails on any status but 200 or a content coding other than asked for. */
  byte[] get(String path, String accept, boolean gzip) throws IOException {
    StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if (accept != null) {
      request.append("Accept: ").append(accept).append("\r\n");
    }
    if (gzip) {
      request.append("Accept-Encoding: gzip\r\n");
    }
    out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IllegalStateException("/metrics answered " + status);
    }
    int length = -1;
    String encoding = null;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        length = Integer.parseInt(value);
      } else if (name.equals("content-encoding")) {
        encoding = value;
      }
    }
    if (length < 0) {
      throw new IllegalStateException("/metrics answered without a Content-Length");
    }
    if (gzip != "gzip".equals(encoding)) {
      throw new IllegalStateException("/metrics answered with Content-Encoding " + encoding + " to Accept-Encoding "
          + (gzip ? "gzip" : "(none)"));
    }
    byte[] body = new byte[length];
    for (int read = 0; read < length; ) {
      int n = in.read(body, read, length - read);
      if (n < 0) {
        throw new IllegalStateException("/metrics closed after " + read + " of " + length + " bytes");
      }
      read += n;
    }
    return body;
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IllegalStateException("/metrics closed the connection mid-response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
