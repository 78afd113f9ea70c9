package io.htapsync.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server whose every connection runs a {@link Script}: it can answer properly,
 * but also reset the connection, stall, trickle, lie about lengths or cut the body, which a
 * well-behaved mock server cannot all do. Each connection carries one request; scripted answers
 * say {@code Connection: close}, so one server-side request is one client attempt.
 *
 * <p>Bounded by construction: it serves only the connections a test makes, and {@link #close()}
 * closes every socket, which ends any script still sleeping or writing.
 */
final class RawHttpServer implements AutoCloseable {
  /** What the server does with one connection after reading the request head. */
  @FunctionalInterface
  interface Script {
    void run(Socket socket, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket listener;
  private final Script script;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<String> requestHeads = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  RawHttpServer(Script script) throws IOException {
    this.script = script;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "raw-http-server-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
  }

  /** Requests whose head arrived completely. */
  int requestCount() {
    return requests.get();
  }

  List<String> requestHeads() {
    return requestHeads;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        sockets.add(socket);
        Thread worker = new Thread(() -> serve(socket), acceptor.getName() + "-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      String head = readHead(socket.getInputStream());
      if (head == null) {
        return;
      }
      requestHeads.add(head);
      requests.incrementAndGet();
      script.run(socket, socket.getOutputStream());
    } catch (IOException | InterruptedException e) {
      // the client went away, or the test closed the server: nothing to report
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > 64 * 1024) {
        return null;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  // --- Building blocks for scripts ---------------------------------------------------------------

  /** A complete response with a correct Content-Length and {@code Connection: close}. */
  static byte[] response(int status, String reason, String body, String... extraHeaders) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return concat(head(status, reason, bytes.length, extraHeaders), bytes);
  }

  /** A status line and headers, Content-Length as given (it may lie), and the blank line. */
  static byte[] head(int status, String reason, long contentLength, String... extraHeaders) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason)
        .append("\r\nContent-Type: application/json\r\nX-Request-Id: raw-").append(status)
        .append("\r\nConnection: close\r\n");
    if (contentLength >= 0) {
      head.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    for (String header : extraHeaders) {
      head.append(header).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** Closes with a TCP reset (RST) instead of an orderly FIN. */
  static void reset(Socket socket) throws SocketException {
    socket.setSoLinger(true, 0);
  }

  /** Keeps the connection open without a byte until the client or the test closes it. */
  static void stall(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    while (in.read() >= 0) {
      // discard: a client that gives up closes the socket, which ends this read with -1
    }
  }
}
