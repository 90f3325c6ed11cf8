package vn.minhchung.harvester.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hibernate.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;

/**
 * {@code evidence list [--plan CODE] [--item CODE] [--status S] [--json]}: evidence with its status, component,
 * kind and plan-item links (suggested and confirmed; dismissed links are left out).
 */
@Command(name = "evidence", description = "Minh chứng (evidence).", subcommands = EvidenceCommand.ListEvidence.class)
final class EvidenceCommand {

  static final List<String> STATUSES = List.of("pending", "approved", "rejected");

  @Command(name = "list", description = "List evidence, newest first, with status, component, kind and links.")
  static final class ListEvidence implements Callable<Integer> {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

    @Spec CommandSpec spec;
    @Option(names = "--plan", paramLabel = "CODE", description = "Only evidence linked to an item of this plan.")
    String plan;
    @Option(names = "--item", paramLabel = "CODE", description = "Only evidence linked to this item (of --plan when given).")
    String item;
    @Option(names = "--status", paramLabel = "S", description = "Only this status: pending, approved or rejected.")
    String status;
    @Option(names = "--json", description = "JSON array (fields of ARCHITECTURE.md).") boolean json;

    @Override
    public Integer call() {
      if (status != null && !STATUSES.contains(status)) {
        throw CliException.badInput("--status '" + status + "' không hợp lệ: dùng pending (chờ duyệt), approved (đã"
            + " duyệt) hoặc rejected (từ chối)");
      }
      List<Map<String, Object>> rows = Main.of(spec).context().database().inTransaction(this::rows);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.array(rows));
      } else {
        for (Map<String, Object> r : rows) {
          out.println(text(r));
        }
        out.println(rows.size() + " minh chứng");
      }
      return ExitCodes.OK;
    }

    private List<Map<String, Object>> rows(Session s) {
      if (plan != null && count(s, "select count(p) from Plan p where p.code = :c", plan) == 0) {
        throw CliException.badInput("--plan '" + plan + "': kế hoạch không có trong danh mục (unknown plan code)");
      }
      if (item != null && s.createSelectionQuery("select count(i) from PlanItem i where i.code = :i"
              + " and (:p is null or i.plan.code = :p)", Long.class).setParameter("i", item).setParameter("p", plan)
          .getSingleResult() == 0) {
        throw CliException.badInput("--item '" + item + "': nhiệm vụ không có trong "
            + (plan == null ? "danh mục" : "kế hoạch " + plan) + " (unknown item code)");
      }
      boolean linked = plan != null || item != null;
      var query = s.createSelectionQuery("select e from Evidence e left join fetch e.post p left join fetch e.channel"
              + " left join fetch e.capture where (:st is null or e.status = :st)"
              + (linked ? " and exists (select 1 from EvidenceLink l where l.evidence = e and l.state <> 'rejected'"
                  + " and (:p is null or l.planItem.plan.code = :p) and (:i is null or l.planItem.code = :i))" : "")
              + " order by e.id desc", Evidence.class)
          .setParameter("st", status);
      if (linked) {
        query.setParameter("p", plan).setParameter("i", item);
      }
      List<Evidence> evidence = query.getResultList();
      Map<Long, List<EvidenceLink>> links = new HashMap<>();
      List<Long> ids = evidence.stream().map(Evidence::getId).toList();
      for (int from = 0; from < ids.size(); from += 500) {
        s.createSelectionQuery("from EvidenceLink l join fetch l.planItem i join fetch i.plan where l.evidence.id in :ids"
                + " and l.state <> 'rejected' order by i.plan.code, i.position, i.id", EvidenceLink.class)
            .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList()
            .forEach(l -> links.computeIfAbsent(l.getEvidence().getId(), k -> new ArrayList<>()).add(l));
      }
      return evidence.stream().map(e -> row(e, links.getOrDefault(e.getId(), List.of()))).toList();
    }

    private static long count(Session s, String hql, String code) {
      return s.createSelectionQuery(hql, Long.class).setParameter("c", code).getSingleResult();
    }

    /**
     * One evidence item: {@code kind} is the harvested item's kind (article, post, video, page_watch), {@code file}
     * for an upload; {@code postedAt} the post's date, for an upload the date entered with it.
     */
    static Map<String, Object> row(Evidence e, List<EvidenceLink> links) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", e.getId());
      r.put("component", e.getComponent());
      r.put("kind", e.getPost() != null ? e.getPost().getKind() : "file");
      r.put("status", e.getStatus());
      r.put("source", e.getSource());
      r.put("channel", e.getChannel() == null ? null : e.getChannel().getCode());
      r.put("url", e.getUrl());
      r.put("title", e.getTitle());
      Instant posted = e.getPost() != null ? e.getPost().getPostedAt() : e.getOccurredAt();
      r.put("postedAt", VietnameseDates.isoLocal(posted));
      r.put("capturedAt", e.getCapture() == null ? null : VietnameseDates.isoLocal(e.getCapture().getCapturedAt()));
      String flags = e.getPost() == null ? null : e.getPost().getFlags();
      r.put("flags", flags == null || flags.isBlank() ? List.of()
          : Arrays.stream(flags.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList());
      List<Map<String, Object>> out = new ArrayList<>();
      for (EvidenceLink l : links) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", l.getPlanItem().getPlan().getCode());
        m.put("item", l.getPlanItem().getCode());
        m.put("how", l.getMethod());
        m.put("score", l.getScore() == null ? null : Math.round(l.getScore() * 1000) / 1000.0);
        m.put("confirmed", "confirmed".equals(l.getState()));
        out.add(m);
      }
      r.put("links", out);
      return r;
    }

    /** "#12  Chờ duyệt  TP2  02/07/2026 08:30  FB-TTBN  title  url  → 110/KH-UBND II.2 (đề xuất)". */
    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> r) {
      String status = switch ((String) r.get("status")) {
        case "approved" -> "Đã duyệt";
        case "rejected" -> "Từ chối";
        default -> "Chờ duyệt";
      };
      Object posted = r.get("postedAt");
      String date = posted == null ? "(không có ngày)"
          : SHOWN.format(java.time.OffsetDateTime.parse((String) posted).atZoneSameInstant(Settings.ZONE));
      String to = ((List<Map<String, Object>>) r.get("links")).stream()
          .map(l -> l.get("plan") + " " + l.get("item") + ((Boolean) l.get("confirmed") ? "" : " (đề xuất)"))
          .collect(Collectors.joining(", "));
      return "#" + r.get("id") + "  " + status + "  TP" + r.get("component") + "  " + date + "  "
          + (r.get("channel") == null ? "tải lên" : r.get("channel")) + "  " + r.get("title")
          + (r.get("url") == null ? "" : "  " + r.get("url")) + (to.isEmpty() ? "  → chưa liên kết" : "  → " + to);
    }
  }
}
