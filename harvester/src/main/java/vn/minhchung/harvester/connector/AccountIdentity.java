package vn.minhchung.harvester.connector;

/** Whom a platform says a token or key belongs to: the account id (Page id, OA id, UC… channel id) and its name. */
public record AccountIdentity(String account, String name) {}
