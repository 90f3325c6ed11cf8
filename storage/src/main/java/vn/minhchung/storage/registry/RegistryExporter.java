package vn.minhchung.storage.registry;

import java.util.List;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelEntry;
import vn.minhchung.config.registry.ExpectedComponents;
import vn.minhchung.config.registry.ItemEntry;
import vn.minhchung.config.registry.PlanEntry;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.EvidenceKind;
import vn.minhchung.config.registry.TargetEntry;
import vn.minhchung.config.registry.UnitEntry;
import vn.minhchung.config.registry.Where;

/** Reads the stored registry back as a {@link RegistryDocument}, in the order it was first imported. */
public final class RegistryExporter {
  private RegistryExporter() {}

  public static RegistryDocument export(Session s) {
    List<UnitEntry> units = s.createSelectionQuery("from Unit u order by u.id", Unit.class).getResultList()
        .stream().map(RegistryExporter::unit).toList();
    List<ChannelEntry> channels = s.createSelectionQuery("from Channel c order by c.id", Channel.class)
        .getResultList().stream().map(RegistryExporter::channel).toList();
    List<PlanEntry> plans = s.createSelectionQuery("from Plan p order by p.id", Plan.class).getResultList()
        .stream().map(RegistryExporter::plan).toList();
    return new RegistryDocument(units, channels, plans);
  }

  static UnitEntry unit(Unit u) {
    return new UnitEntry(u.getCode(), u.getName(), u.getParent() == null ? null : u.getParent().getCode(), Where.NONE);
  }

  static ChannelEntry channel(Channel c) {
    return new ChannelEntry(c.getCode(), c.getUnit().getCode(), c.getKind(), c.getName(), c.getUrl(),
        c.getPlatformId(), c.getSchedule(), c.isActive(), RegistryJson.readOptions(c.getOptionsJson()), Where.NONE);
  }

  static PlanEntry plan(Plan p) {
    List<ItemEntry> items = p.getItems().stream()
        .sorted(java.util.Comparator.comparingInt(PlanItem::getPosition).thenComparing(PlanItem::getId))
        .map(RegistryExporter::item).toList();
    return new PlanEntry(p.getCode(), p.getTitle(), p.getIssuer(), p.getIssuedOn(),
        ExpectedComponents.fromColumn(p.getComponents()), items, Where.NONE);
  }

  static ItemEntry item(PlanItem i) {
    List<TargetEntry> targets = i.getTargets().stream()
        .sorted(java.util.Comparator.comparingInt(PlanTarget::getPosition))
        .map(t -> new TargetEntry(t.getComponent(), EvidenceKind.of(t.getKind()).orElse(null), t.getDescription(), t.getCount(), t.getMinDuration(),
            t.getMaxDuration(), Where.NONE)).toList();
    return new ItemEntry(i.getCode(), i.getTitle(), i.getLead() == null ? null : i.getLead().getCode(),
        i.getCooperating().stream().map(Unit::getCode).toList(), i.getTiming(), i.getDeadline(), i.getProducts(),
        RegistryJson.readKeywords(i.getKeywordsJson()), ExpectedComponents.fromColumn(i.getComponents()), targets,
        i.getUnitDeadlines(), Where.NONE);
  }
}
