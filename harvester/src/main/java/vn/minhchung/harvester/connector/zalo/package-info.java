/** Zalo Official Accounts through the Open API: articles, views and shares, single-use refresh tokens. */
package vn.minhchung.harvester.connector.zalo;
