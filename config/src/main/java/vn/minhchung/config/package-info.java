/** The base of every module: typed settings, the registry file, and Vietnamese text handling. */
package vn.minhchung.config;
