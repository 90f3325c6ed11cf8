package vn.minhchung.review.upload;

/** The file types staff may upload, recognised by content; {@code extension} is what a sanitised name ends with. */
public enum FileType {
  PDF("application/pdf", "pdf", "PDF"),
  JPEG("image/jpeg", "jpg", "ảnh JPEG"),
  PNG("image/png", "png", "ảnh PNG"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word (DOCX)"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel (XLSX)"),
  MP4("video/mp4", "mp4", "video MP4");

  private final String mediaType;
  private final String extension;
  private final String label;

  FileType(String mediaType, String extension, String label) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.label = label;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public String label() {
    return label;
  }
}
