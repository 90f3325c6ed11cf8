/** Typed settings: defaults in code, overridden by {@code harvester.yaml}, overridden by {@code HARVESTER_*} variables. */
package vn.minhchung.config.settings;
