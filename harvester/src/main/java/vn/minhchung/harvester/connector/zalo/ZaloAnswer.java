package vn.minhchung.harvester.connector.zalo;

/** A Zalo answer: the value, or the non-zero {@code error} of the envelope (which Zalo sends with HTTP 200). */
public sealed interface ZaloAnswer<T> {

  record Ok<T>(T value) implements ZaloAnswer<T> {}

  record Failed<T>(int error, String message) implements ZaloAnswer<T> {}
}
