package dev.polylink.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP proxy in front of a server that closes the connections it holds when told to, as
 * a server does with idle keep-alive connections once its idle timeout passed: the fault suite's
 * "server that closes idle connections" without a wall-clock timer. The proxy forwards bytes both
 * ways unchanged; {@link #closeConnections()} closes the client's side of every connection (the
 * client sees a FIN, as from a server's idle close) and the server's side.
 */
public final class ClosingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final List<Socket> open = new ArrayList<>();
  private int accepted;
  private final Thread acceptor;

  /**
   * Starts a proxy to {@code 127.0.0.1:targetPort}.
   *
   * @param targetPort the server's port
   * @throws IOException if no loopback port can be bound
   */
  public ClosingProxy(int targetPort) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.acceptor = new Thread(this::accept, "closing-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@return {@code http://127.0.0.1:<port>}, the proxy's address} */
  public String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** {@return how many connections clients opened so far} */
  public synchronized int connectionsAccepted() {
    return accepted;
  }

  /** Closes every connection now, both sides; returns once their sockets are closed. */
  public synchronized void closeConnections() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        synchronized (this) {
          accepted++;
          open.add(client);
          open.add(server);
        }
        pump(client, server, "closing-proxy-up");
        pump(server, client, "closing-proxy-down");
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private static void pump(Socket from, Socket to, String name) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int n; (n = in.read(buffer)) != -1; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (SocketException e) {
        // closed by closeConnections(), or reset by the other side
      } catch (IOException e) {
        // as above
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() throws IOException {
    listener.close();
    closeConnections();
  }
}
