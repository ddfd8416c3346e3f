package dev.polylink.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection HTTP/1.1 server on loopback that answers every request on that connection with
 * the same JSON body, keeps the connection open, and reports when the client closes it: what the
 * contract suite needs to see that {@code close()} releases the client's pooled connections, from
 * the outside. WireMock cannot tell when a client drops an idle keep-alive connection.
 */
final class KeepAliveServer implements AutoCloseable {
  private final ServerSocket server;
  private final String body;
  private final CountDownLatch closedByClient = new CountDownLatch(1);
  private final Thread thread;

  KeepAliveServer(String body) throws IOException {
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.body = body;
    this.thread = new Thread(this::serve, "keep-alive-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Waits up to {@code millis} for the client to close the connection; true when it did. */
  boolean awaitClosedByClient(long millis) throws InterruptedException {
    return closedByClient.await(millis, TimeUnit.MILLISECONDS);
  }

  private void serve() {
    try (Socket socket = server.accept()) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      while (readRequestHead(in)) {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + payload.length
            + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
      }
      closedByClient.countDown(); // end of stream: the client closed the connection
    } catch (IOException e) {
      closedByClient.countDown(); // a reset is a close too
    }
  }

  /** Reads one request head (the contract's requests have no body); false at end of stream. */
  private static boolean readRequestHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
