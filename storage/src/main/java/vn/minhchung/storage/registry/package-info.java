/** Units, channels, plans, plan items and targets as stored; import and export of the registry file. */
package vn.minhchung.storage.registry;
