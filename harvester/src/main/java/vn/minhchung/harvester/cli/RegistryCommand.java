package vn.minhchung.harvester.cli;

import picocli.CommandLine.Command;

/** {@code registry}: load and write back the units, channels and plans file. */
@Command(name = "registry", description = "Load or write the registry of units, channels and plans (YAML or XLSX).",
    subcommands = {RegistryImportCommand.class, RegistryExportCommand.class})
final class RegistryCommand {}
