package io.htapsync.benchmarks.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every GET with a 200 JSON response from a
 * {@link Responder}. Kept tiny on purpose: it runs in the benchmark's own JVM, so whatever it spends
 * per request is spent equally by the client and by the raw OkHttp baseline it is compared with.
 * A canned response is one prebuilt byte array written with one write (two small writes could meet
 * Nagle's algorithm and the peer's delayed ACK, a 40 ms stall that would swamp the figures).
 */
public final class LoopbackHttpServer implements AutoCloseable {
  /** The complete response (status line, headers, body) for a request target such as {@code /v3/..?offset=0}. */
  @FunctionalInterface
  public interface Responder {
    byte[] respond(String target);
  }

  private static final int MAX_HEAD = 16 * 1024;

  private final ServerSocket listener;
  private final Responder responder;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private LoopbackHttpServer(ServerSocket listener, Responder responder) {
    this.listener = listener;
    this.responder = responder;
  }

  /** Starts listening on an ephemeral port of 127.0.0.1. */
  public static LoopbackHttpServer start(Responder responder) throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    LoopbackHttpServer server = new LoopbackHttpServer(listener, responder);
    Thread acceptor = new Thread(server::acceptLoop, "loopback-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** A 200 response carrying {@code body} as application/json. */
  public static byte[] okJson(byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "X-Request-Id: loopback-bench\r\n"
        + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] response = new byte[head.length + body.length];
    System.arraycopy(head, 0, response, 0, head.length);
    System.arraycopy(body, 0, response, head.length, body.length);
    return response;
  }

  /** {@code http://127.0.0.1:port/}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket connection = listener.accept();
        connection.setTcpNoDelay(true);
        connections.add(connection);
        Thread worker = new Thread(() -> serve(connection), "loopback-http-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("loopback server: accept failed: " + e);
        }
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream(), 8192);
      OutputStream out = connection.getOutputStream();
      String target;
      while ((target = readRequestTarget(in)) != null) {
        out.write(responder.respond(target));
        out.flush();
      }
    } catch (SocketException e) {
      // The client closed its pooled connection, or we are shutting down.
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        System.err.println("loopback server: connection failed: " + e);
      }
    } finally {
      connections.remove(connection);
    }
  }

  /** Reads one request head and returns its target, or null at end of stream. GETs carry no body. */
  private static String readRequestTarget(InputStream in) throws IOException {
    ByteArrayOutputStream requestLine = new ByteArrayOutputStream(256);
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        return null;
      }
      if (requestLine.size() > MAX_HEAD) {
        throw new IOException("request line longer than " + MAX_HEAD + " bytes");
      }
      requestLine.write(b);
    }
    skipHeaders(in);
    String line = requestLine.toString(StandardCharsets.ISO_8859_1).strip();
    String[] parts = line.split(" ");
    if (parts.length != 3 || !parts[0].equals("GET")) {
      throw new IOException("unsupported request line: " + line);
    }
    return parts[1];
  }

  /** Consumes header lines up to and including the empty line that ends the head. */
  private static void skipHeaders(InputStream in) throws IOException {
    int lineLength = 0;
    int total = 0;
    int b;
    while ((b = in.read()) >= 0) {
      if (++total > MAX_HEAD) {
        throw new IOException("request head longer than " + MAX_HEAD + " bytes");
      }
      if (b == '\n') {
        if (lineLength == 0) {
          return;
        }
        lineLength = 0;
      } else if (b != '\r') {
        lineLength++;
      }
    }
    throw new IOException("connection closed inside a request head");
  }
}
