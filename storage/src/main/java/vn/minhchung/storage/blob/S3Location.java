package vn.minhchung.storage.blob;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.settings.SettingsException;

/**
 * Where an S3-compatible bucket is and how to sign in to it, from the {@code blobs.s3.*} settings. The secret key
 * never appears in {@link #toString()}.
 */
public record S3Location(Optional<URI> endpoint, String bucket, String region, String accessKey, String secretKey,
    boolean pathStyle, String prefix) {

  /** Reads {@code blobs.s3.*}; every missing or bad key is named in one {@link SettingsException}. */
  public static S3Location fromSettings(Settings s) {
    List<String> problems = new ArrayList<>();
    Optional<String> bucket = s.get("blobs.s3.bucket");
    Optional<String> access = s.get("blobs.s3.accessKey");
    Optional<String> secret = s.get("blobs.s3.secretKey");
    if (bucket.isEmpty()) {
      problems.add("blobs.s3.bucket: the S3 store needs a bucket name (HARVESTER_BLOBS_S3_BUCKET)");
    }
    if (access.isEmpty()) {
      problems.add("blobs.s3.accessKey: the S3 store needs an access key (HARVESTER_BLOBS_S3_ACCESS_KEY)");
    }
    if (secret.isEmpty()) {
      problems.add("blobs.s3.secretKey: the S3 store needs a secret key (HARVESTER_BLOBS_S3_SECRET_KEY)");
    }
    String prefix = s.get("blobs.s3.prefix").map(String::trim).orElse("");
    if (prefix.startsWith("/") || prefix.contains("..")) {
      problems.add("blobs.s3.prefix: expected a key prefix such as 'bac-ninh/' but was '" + prefix + "'");
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    return new S3Location(s.uri("blobs.s3.endpoint"), bucket.orElseThrow().trim(), s.string("blobs.s3.region").trim(),
        access.orElseThrow().trim(), secret.orElseThrow(), s.bool("blobs.s3.pathStyle"), prefix);
  }

  /** {@code s3://bucket/prefix at endpoint}, for messages. */
  public String describe() {
    return "s3://" + bucket + "/" + prefix + endpoint.map(e -> " at " + e).orElse(" in region " + region);
  }

  @Override
  public String toString() {
    return "S3Location[" + describe() + ", accessKey=" + accessKey + ", secretKey=****, pathStyle=" + pathStyle + "]";
  }
}
