package vn.minhchung.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  @TempDir Path dir;

  @Test
  void storesBytesUnderTheirSha256() throws Exception {
    BlobStore store = new BlobStore(dir);
    BlobRef ref = store.put("Chuyển đổi số".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(ref.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
        BlobStore.sha256().digest("Chuyển đổi số".getBytes(StandardCharsets.UTF_8))));
    assertThat(store.path(ref.sha256())).exists()
        .isEqualTo(dir.resolve("sha256").resolve(ref.sha256().substring(0, 2)).resolve(ref.sha256().substring(2, 4))
            .resolve(ref.sha256()));
    assertThat(new String(store.read(ref.sha256()), StandardCharsets.UTF_8)).isEqualTo("Chuyển đổi số");
    assertThat(ref.size()).isEqualTo("Chuyển đổi số".getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void storesTheSameBytesOnceAndLeavesNoTemporaryFiles() throws Exception {
    BlobStore store = new BlobStore(dir);
    BlobRef a = store.put(new byte[] {1, 2, 3}, "application/octet-stream");
    BlobRef b = store.put(new byte[] {1, 2, 3}, "application/octet-stream");
    assertThat(a.sha256()).isEqualTo(b.sha256());
    try (Stream<Path> files = Files.walk(dir.resolve("sha256"))) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
    }
    try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
      assertThat(tmp.count()).isZero();
    }
  }

  @Test
  void verifyReportsAChangedBlob() throws Exception {
    BlobStore store = new BlobStore(dir);
    BlobRef ref = store.put("bản gốc".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(store.verify(ref.sha256(), ref.size())).isEmpty();
    Path p = store.path(ref.sha256());
    p.toFile().setWritable(true);
    Files.write(p, "bản sửa".getBytes(StandardCharsets.UTF_8));
    assertThat(store.verify(ref.sha256(), ref.size())).get().asString().contains("has changed");
  }

  @Test
  void verifyReportsAMissingBlob() {
    BlobStore store = new BlobStore(dir);
    assertThat(store.verify("a".repeat(64), 3)).get().asString().contains("missing");
  }
}
