package vn.minhchung.harvester.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.RegistryException;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.config.registry.RegistryProblem;
import vn.minhchung.storage.registry.RegistryImport;
import vn.minhchung.storage.registry.RegistryImportException;
import vn.minhchung.storage.registry.RegistryStore;

/** {@code registry import FILE}: validate the whole file, then apply it in one transaction (or not at all). */
@Command(name = "import", description = {
    "Load units, channels, plans, items and targets from a YAML or XLSX file (recognised by content or extension).",
    "Entries are updated by code; importing the same file again changes nothing. Harvested posts, runs and",
    "evidence are never deleted. On any problem every problem is printed, nothing is written and the exit code is 2."},
    footer = {"", "Ví dụ (examples):",
        "  harvester registry import config/examples/bac-ninh.yaml      # nạp danh mục mẫu của tỉnh Bắc Ninh",
        "  harvester registry import danh-muc-kenh-so-khcn.xlsx         # nạp danh mục kênh từ file Excel"})
final class RegistryImportCommand implements Callable<Integer> {
  static final String ACTOR = "cli";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Registry file: .yaml/.yml or .xlsx.")
  Path file;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw CliException.badInput(file + ": file not found; give the path of a registry .yaml or .xlsx file");
    }
    AppContext ctx = Main.of(spec).context();
    RegistryStore store = new RegistryStore(ctx.database(), ctx.clock());
    RegistryDocument doc;
    try {
      doc = RegistryFile.read(file, store.unitCodes());
    } catch (RegistryException e) {
      for (RegistryProblem p : e.problems()) {
        spec.commandLine().getErr().println(p);
      }
      spec.commandLine().getErr().println("error: " + e.problems().size() + " problem(s) in " + file + "; nothing was imported");
      return ExitCodes.BAD_INPUT;
    }
    try {
      RegistryImport result = store.importDocument(doc, ACTOR);
      spec.commandLine().getOut().println(result.summary());
      return ExitCodes.OK;
    } catch (RegistryImportException e) {
      throw CliException.badInput(file + ": " + e.getMessage() + "; nothing was imported");
    }
  }
}
