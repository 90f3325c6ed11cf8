package vn.minhchung.storage.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TempFilesTest {
  @TempDir Path data;

  @Test
  void removesWhatAKilledProcessLeftAndKeepsWhatALiveProcessWrites() throws Exception {
    long dead = deadPid();
    long self = ProcessHandle.current().pid();
    Path dossier = Files.createDirectories(data.resolve("tmp").resolve("dossier"));
    Path capture = Files.createDirectories(data.resolve("tmp").resolve("capture"));
    Path blobTmp = Files.createDirectories(data.resolve("blobs").resolve("tmp"));
    Path deadZip = Files.writeString(dossier.resolve("ho-so-pid" + dead + "-123.zip.part"), "PK");
    Path deadCapture = Files.createDirectories(capture.resolve("c-pid" + dead + "-456"));
    Files.writeString(deadCapture.resolve("page.html"), "<html>");
    Path deadBlob = Files.writeString(blobTmp.resolve("blob-pid" + dead + "-789.part"), "x");
    Path liveZip = Files.writeString(dossier.resolve(TempFiles.prefix("ho-so") + "1.zip.part"), "PK");
    Path oldUnnamed = Files.writeString(dossier.resolve("ho-so-42.zip.part"), "PK");
    Files.setLastModifiedTime(oldUnnamed, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    Path newUnnamed = Files.writeString(capture.resolve("c-99"), "");

    Instant processStart = Instant.now().minusSeconds(60);
    assertThat(TempFiles.sweep(data, processStart)).containsExactlyInAnyOrder(deadZip, deadCapture, deadBlob, oldUnnamed);

    assertThat(deadZip).doesNotExist();
    assertThat(deadCapture).doesNotExist();
    assertThat(deadBlob).doesNotExist();
    assertThat(oldUnnamed).doesNotExist();
    assertThat(liveZip).exists();
    assertThat(newUnnamed).exists();
    assertThat(TempFiles.owner(liveZip.getFileName().toString())).hasValue(self);
  }

  @Test
  void aMissingDataDirectoryHasNothingToSweep() {
    assertThat(TempFiles.sweep(data.resolve("chua-co"), Instant.now())).isEmpty();
  }

  /** The pid of a process that has ended. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    long pid = p.pid();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    return pid;
  }
}
