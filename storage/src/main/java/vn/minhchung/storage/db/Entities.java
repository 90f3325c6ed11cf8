package vn.minhchung.storage.db;

import java.util.List;

/** Every Hibernate entity class of the application; add a feature's entities here. */
public final class Entities {
  private Entities() {}

  public static final List<Class<?>> ALL = List.of(
      vn.minhchung.storage.registry.Unit.class,
      vn.minhchung.storage.registry.Channel.class,
      vn.minhchung.storage.registry.Plan.class,
      vn.minhchung.storage.registry.PlanItem.class,
      vn.minhchung.storage.registry.PlanTarget.class,
      vn.minhchung.storage.post.Post.class,
      vn.minhchung.storage.post.MetricSnapshot.class,
      vn.minhchung.storage.post.HarvestRun.class,
      vn.minhchung.storage.post.RunProblem.class,
      vn.minhchung.storage.post.ChannelSnapshot.class,
      vn.minhchung.storage.blob.BlobRecord.class,
      vn.minhchung.storage.evidence.Capture.class,
      vn.minhchung.storage.evidence.Evidence.class,
      vn.minhchung.storage.evidence.EvidenceLink.class,
      vn.minhchung.storage.evidence.EvidenceFile.class,
      vn.minhchung.storage.audit.AuditEvent.class,
      vn.minhchung.storage.user.AppUser.class,
      vn.minhchung.storage.credential.PlatformAccount.class,
      vn.minhchung.storage.credential.ChannelAccount.class,
      vn.minhchung.storage.credential.ConnectState.class,
      vn.minhchung.storage.credential.SavedSession.class,
      vn.minhchung.storage.alert.Alert.class);
}
