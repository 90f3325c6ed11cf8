package vn.minhchung.harvester.schedule.alert;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal SMTP server on 127.0.0.1 for tests: accepts every message and keeps the raw DATA. */
final class LocalSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<byte[]> messages = new CopyOnWriteArrayList<>();
  private final Thread thread;

  LocalSmtpServer() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "test-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<byte[]> messages() {
    return messages;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        session(s);
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private void session(Socket s) throws IOException {
    // SMTP is line-based 8-bit text; ISO-8859-1 keeps every byte as it came.
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    OutputStream out = s.getOutputStream();
    reply(out, "220 localhost test SMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String cmd = line.toUpperCase(Locale.ROOT);
      if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
        reply(out, "250-localhost\r\n250 8BITMIME");
      } else if (cmd.startsWith("DATA")) {
        reply(out, "354 end with <CRLF>.<CRLF>");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while ((line = in.readLine()) != null && !line.equals(".")) {
          String unstuffed = line.startsWith("..") ? line.substring(1) : line;
          data.write((unstuffed + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        messages.add(data.toByteArray());
        reply(out, "250 queued");
      } else if (cmd.startsWith("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "250 OK");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
