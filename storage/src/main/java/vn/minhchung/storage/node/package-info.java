/** The processes of a deployment ({@code cluster_node}): who runs, in which role, and when each last beat. */
package vn.minhchung.storage.node;
