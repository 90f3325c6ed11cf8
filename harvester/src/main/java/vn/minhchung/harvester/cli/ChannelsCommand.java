package vn.minhchung.harvester.cli;

import picocli.CommandLine.Command;

/** {@code channels}: the registered channels and how their harvests went. */
@Command(name = "channels", description = "Registered channels.", subcommands = {ChannelsListCommand.class})
final class ChannelsCommand {}
