package vn.minhchung.harvester.harvest;

/** A run was asked for a channel code that is not in the registry. */
public final class NoSuchChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoSuchChannelException(String code) {
    super("kênh '" + code + "' không có trong danh mục (channel code not in the registry; see 'channels list')");
  }
}
