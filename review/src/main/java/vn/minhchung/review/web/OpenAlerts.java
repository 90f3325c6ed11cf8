package vn.minhchung.review.web;

import java.util.List;
import org.hibernate.Session;
import vn.minhchung.storage.alert.Alert;

/**
 * The open alerts the scheduler stored in table {@code alert}, newest first, read straight from storage so the
 * review module need not know the harvester. At most {@link #LIMIT} are shown; {@code alerts list} has them all.
 */
final class OpenAlerts {
  static final int LIMIT = 50;

  private OpenAlerts() {}

  static List<Alert> load(Session s) {
    return s.createSelectionQuery("from Alert a left join fetch a.channel left join fetch a.planItem i"
        + " left join fetch i.plan where a.status = 'open' order by a.firstSeenAt desc, a.id desc", Alert.class)
        .setMaxResults(LIMIT).getResultList();
  }
}
