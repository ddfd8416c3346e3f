package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.fake.FakeLinkClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without an SLF4J binding on the class path, a client with the wire log and a listener on prints
 * nothing at all (not even SLF4J's "no providers" warning) and works: run in a JVM of its own whose
 * class path is this test's minus logback.
 */
class NoLoggingBindingTest {
  private static final String ID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

  @Test
  void aClientWithoutABindingPrintsNothingAndWorks(@TempDir Path dir) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = Arrays.stream(classPath.split(File.pathSeparator))
        .filter(e -> !e.contains("logback") && !e.contains("slf4j-nop") && !e.contains("slf4j-simple"))
        .collect(Collectors.toList());
    assertTrue(entries.stream().anyMatch(e -> e.contains("slf4j-api")), classPath);
    Path out = dir.resolve("out.txt");
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", String.join(File.pathSeparator, entries),
            Child.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
    String printed = Files.readString(out);
    assertEquals(0, child.exitValue(), printed);
    assertEquals("", printed);
  }

  /** Calls a client with every logging option on, against a one-answer HTTP server; exits 3 on a wrong answer. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      byte[] body = ("{\"link\": {\"id\": \"" + ID + "\", \"short_url\": \"https://fk.example/abc\", \"code\": \"abc\"}}")
          .getBytes(StandardCharsets.UTF_8);
      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        Thread serving = new Thread(() -> answerOnce(server, body));
        serving.setDaemon(true);
        serving.start();
        int[] events = new int[1];
        try (FakeLinkClient client = FakeLinkClient.builder().apiKey("k")
            .baseUrl("http://127.0.0.1:" + server.getLocalPort() + "/api")
            .wireLog(true)
            .addListener(new LinkClientListener() {
              @Override
              public void operationFinished(OperationFinished event) {
                events[0]++;
              }
            })
            .build()) {
          if (!client.get(LinkId.of(ID)).id().value().equals(ID) || events[0] != 1) {
            System.exit(3);
          }
        }
      }
    }

    /** Reads one request's head and answers it with {@code body} as JSON, closing the connection. */
    private static void answerOnce(ServerSocket server, byte[] body) {
      try (Socket socket = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          // the request head; a GET has no body
        }
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
