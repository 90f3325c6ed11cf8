/** The registry file: units, channels, plans, plan items and targets, read from YAML or XLSX and validated. */
package vn.minhchung.config.registry;
