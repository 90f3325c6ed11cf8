/** Web users and their roles (admin, reviewer, viewer). */
package vn.minhchung.storage.user;
