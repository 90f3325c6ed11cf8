/** Offline demo: local copies of a newspaper, a portal and the Graph, Zalo OA and YouTube APIs, with a registry. */
package vn.minhchung.harvester.demo;
