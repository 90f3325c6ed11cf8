package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.storage.blob.BlobCheck;
import vn.minhchung.storage.blob.BlobCopy;
import vn.minhchung.storage.blob.BlobStore;

/**
 * {@code blobs verify [--sample N]} and {@code blobs migrate --to local|s3}: check the blob store against the
 * {@code blob} table, or copy every blob between the local folder and the S3 store.
 */
@Command(name = "blobs", description = "Kho tệp (blob store): verify every stored file, or move them between the "
    + "local folder and an S3-compatible store.",
    subcommands = {BlobsCommand.Verify.class, BlobsCommand.Migrate.class})
final class BlobsCommand {

  /** What the store kinds are called on the command line. */
  enum Kind { local, s3 }

  @Command(name = "verify", description = "Re-read and re-hash the blobs of the store in use (blobs.store); exit 1 "
      + "when one is missing or changed.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--sample", paramLabel = "N", description = "Check N blobs picked at random instead of all.")
    Integer sample;

    @Override
    public Integer call() {
      if (sample != null && sample < 1) {
        throw CliException.badInput("--sample " + sample + ": expected a number of blobs >= 1");
      }
      AppContext ctx = Main.of(spec).context();
      BlobStore store = ctx.blobs();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Progress line = new Progress(err);
      BlobCheck.Result r = BlobCheck.run(ctx.database(), store,
          sample == null ? OptionalInt.empty() : OptionalInt.of(sample),
          p -> line.show(p.done() == p.total(), () -> String.format(Locale.ROOT, "kiểm tra: %d/%d tệp (%s), %s, %d lỗi",
              p.done(), p.total(), percent(p.done(), p.total()), mib(p.bytes()), p.problems())));
      r.problems().forEach(p -> out.println("LỖI: " + p));
      out.println(String.format(Locale.ROOT, "Đã kiểm tra %d tệp (%s) trong %s: %s.", r.checked(), mib(r.bytes()),
          store.describe(), r.problems().isEmpty() ? "tất cả nguyên vẹn" : r.problems().size() + " tệp thiếu hoặc đã bị sửa"));
      return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
  }

  @Command(name = "migrate", description = "Copy every blob to the other store, checking each hash; resumable (blobs "
      + "already there are skipped). Then set blobs.store to the new store.")
  static final class Migrate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--to", required = true, paramLabel = "local|s3", description = "The store to copy into.")
    Kind to;

    @Override
    public Integer call() throws IOException {
      AppContext ctx = Main.of(spec).context();
      Kind from = to == Kind.s3 ? Kind.local : Kind.s3;
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (BlobStore source = BlobStore.of(from.name(), ctx.settings());
          BlobStore target = BlobStore.of(to.name(), ctx.settings())) {
        Progress line = new Progress(err);
        BlobCopy.Result r = BlobCopy.run(ctx.database(), source, target,
            p -> line.show(p.done() == p.total(), () -> String.format(Locale.ROOT,
                "chuyển: %d/%d tệp (%s), đã chép %d (%s), đã có sẵn %d, %d lỗi", p.done(), p.total(),
                percent(p.done(), p.total()), p.copied(), mib(p.bytesCopied()), p.alreadyThere(), p.problems())));
        r.problems().forEach(p -> out.println("LỖI: " + p));
        out.println(String.format(Locale.ROOT, "Đã chuyển từ %s sang %s: %d tệp, đã chép %d (%s), đã có sẵn %d%s.",
            source.describe(), target.describe(), r.total(), r.copied(), mib(r.bytesCopied()), r.alreadyThere(),
            r.problems().isEmpty() ? "" : ", " + r.problems().size() + " tệp không chép được"));
        if (r.problems().isEmpty() && !ctx.settings().string("blobs.store").trim().equals(to.name())) {
          out.println("Tiếp theo: đặt blobs.store: " + to.name() + " (HARVESTER_BLOBS_STORE=" + to.name()
              + ") trên mọi máy rồi khởi động lại.");
        }
        return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      }
    }
  }

  static String percent(long done, long total) {
    return total == 0 ? "100%" : (done * 100 / total) + "%";
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  /** One progress line on stderr at most every two seconds, and always the last one. */
  static final class Progress {
    private static final long EVERY_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private long next = System.nanoTime();

    Progress(PrintWriter err) {
      this.err = err;
    }

    void show(boolean last, java.util.function.Supplier<String> text) {
      long now = System.nanoTime();
      if (last || now - next >= 0) {
        err.println(text.get());
        err.flush();
        next = now + EVERY_NANOS;
      }
    }
  }
}
