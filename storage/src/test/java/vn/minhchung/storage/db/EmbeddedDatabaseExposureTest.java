package vn.minhchung.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 database: its server port is reachable from this machine only, its files by their owner only. */
@Timeout(60)
class EmbeddedDatabaseExposureTest {
  @TempDir Path tmp;

  @Test
  void autoServerPortListensOnLoopbackOnly() throws Exception {
    Path data = tmp.resolve("data");
    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      db.runInTransaction(s -> s.createNativeQuery("select count(*) from unit", Long.class).getSingleResult());
      int port = serverPort(data.resolve("db").resolve("harvester.lock.db"));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        assertThat(s.isConnected()).isTrue();
      }
      List<InetAddress> outside = outsideAddresses();
      assumeThat(outside).as("this machine has a non-loopback IPv4 address to probe").isNotEmpty();
      for (InetAddress a : outside) {
        assertThatThrownBy(() -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a, port), 2000);
          }
        }).as("connecting to %s:%d", a.getHostAddress(), port).isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void dataDirectoryDatabaseFilesAndLockFileAreOwnerOnly() throws Exception {
    Path data = tmp.resolve("data");
    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      db.runInTransaction(s -> s.createNativeQuery("select count(*) from unit", Long.class).getSingleResult());
      assertThat(permissions(data)).isEqualTo("rwx------");
      assertThat(permissions(data.resolve("db"))).isEqualTo("rwx------");
      try (Stream<Path> files = Files.list(data.resolve("db"))) {
        List<Path> all = files.toList();
        assertThat(all).extracting(p -> p.getFileName().toString()).contains("harvester.mv.db", "harvester.lock.db");
        assertThat(all).allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
      }
    }
  }

  private static int serverPort(Path lockFile) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(lockFile)) {
      p.load(in);
    }
    String server = p.getProperty("server");
    assertThat(server).as("server address in %s", lockFile).isNotNull().startsWith("localhost:");
    return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
  }

  private static List<InetAddress> outsideAddresses() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .toList();
  }

  private static String permissions(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
