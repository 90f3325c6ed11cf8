package vn.minhchung.storage.db;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.h2.engine.SysProperties;

/**
 * Keeps the TCP port that {@code AUTO_SERVER=TRUE} opens (so that command-line calls reach the database while
 * {@code serve} holds it) on the loopback interface. H2 binds that port to {@code h2.bindAddress}, read once
 * when H2 loads; {@link Database} sets it first, and an embedded database is refused when H2 was loaded
 * earlier with another address.
 */
final class H2Loopback {
  static final String PROPERTY = "h2.bindAddress";
  static final String ADDRESS = "127.0.0.1";

  private H2Loopback() {}

  static void check() {
    String bound = SysProperties.BIND_ADDRESS;
    if (!isLoopback(bound)) {
      throw new DatabaseUnavailableException("the embedded database would accept connections from the network: H2 "
          + "binds its server port to " + (bound == null ? "every interface" : bound) + "; start Java with -D"
          + PROPERTY + "=" + ADDRESS + " or set database.url to a database server", null);
    }
  }

  private static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
