package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.config.registry.RegistryYamlWriter;
import vn.minhchung.storage.registry.RegistryStore;

/** {@code registry export [--out FILE]}: the stored registry as YAML that imports back to the same state. */
@Command(name = "export", description = "Write the stored registry as YAML (stdout unless --out is given).",
    footer = {"", "Ví dụ (examples):",
        "  harvester registry export --out danh-muc-bac-ninh.yaml      # sao lưu danh mục hiện tại"})
final class RegistryExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of stdout.")
  Path out;

  @Override
  public Integer call() {
    AppContext ctx = Main.of(spec).context();
    String yaml = RegistryYamlWriter.write(new RegistryStore(ctx.database(), ctx.clock()).export());
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      try {
        Files.writeString(out, yaml, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
      }
      spec.commandLine().getOut().println("Wrote the registry to " + out);
    }
    return ExitCodes.OK;
  }
}
