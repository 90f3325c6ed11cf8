package vn.minhchung.config.registry;

/** A unit (đơn vị); {@code parent} is a unit code or null. */
public record UnitEntry(String code, String name, String parent, Where where) {}
