/** The command line (picocli): one class per subcommand, exceptions mapped to exit codes 0/1/2/3. */
package vn.minhchung.harvester.cli;
