package vn.minhchung.review.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.review.queue.PostFlags;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.progress.PlanProgress;
import vn.minhchung.review.progress.Progress;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;

/**
 * Writes the reporting dossier of a plan as a ZIP to a stream, reading evidence in pages and blobs as streams,
 * so memory does not grow with the number of items. Used by the {@code export} command and the web UI.
 */
public final class DossierExporter {
  private static final Logger LOG = LoggerFactory.getLogger(DossierExporter.class);

  private final Database db;
  private final BlobStore blobs;
  private final Clock clock;
  private final Optional<Timestamper> timestamper;
  private final Optional<AppendixPdf> pdf;
  private final DocumentForm form;

  public DossierExporter(Database db, BlobStore blobs, Clock clock, Optional<Timestamper> timestamper) {
    this(db, blobs, clock, timestamper, Optional.empty(), DocumentForm.EMPTY);
  }

  private DossierExporter(Database db, BlobStore blobs, Clock clock, Optional<Timestamper> timestamper,
      Optional<AppendixPdf> pdf, DocumentForm form) {
    this.db = db;
    this.blobs = blobs;
    this.clock = clock;
    this.timestamper = timestamper;
    this.pdf = pdf;
    this.form = form;
  }

  /** The same exporter, adding {@code phu-luc-minh-chung.pdf} made by LibreOffice when {@code pdf} is present. */
  public DossierExporter withPdf(Optional<AppendixPdf> pdf) {
    return new DossierExporter(db, blobs, clock, timestamper, pdf, form);
  }

  /** The same exporter, filling the appendix's agency, number, place, recipients and signer from {@code form}. */
  public DossierExporter withForm(DocumentForm form) {
    return new DossierExporter(db, blobs, clock, timestamper, pdf, form);
  }

  /**
   * Writes the dossier to {@code out} (not closed). On an {@link ExportException} or IO failure the bytes
   * written so far are not a valid dossier: write to a temporary file and move it into place on success.
   */
  public ExportSummary export(ExportRequest request, OutputStream out) throws IOException {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, Settings.ZONE);
    DossierInfo info = db.inTransaction(s -> info(s, request, now));
    CompletenessSheet sheet = CompletenessSheet.of(db.inTransaction(s -> progress(s, request, today)), request.itemCode())
        .withUnits(db.inTransaction(s -> vn.minhchung.review.progress.UnitProgress.compute(s, request.planCode(), today)),
            request.unitCode());
    Path work = Files.createTempDirectory("dossier-");
    try {
      return write(request, info, sheet, out, work);
    } finally {
      deleteTree(work);
    }
  }

  /** The post's stored flags and, against this item, a date outside the item's time, in people's words. */
  static List<String> flags(ExportRow r, java.time.LocalDate planIssuedOn, DossierInfo.Item item) {
    List<String> out = new java.util.ArrayList<>(PostFlags.labels(r.postFlags()));
    java.time.Instant posted = r.postedAt() != null ? r.postedAt() : r.occurredAt();
    if (PostFlags.outsidePeriod(posted, planIssuedOn, item.deadline())) {
      out.add(PostFlags.label(PostFlags.OUTSIDE_ITEM_PERIOD) + (item.deadline() == null ? ""
          : " (hạn " + DossierText.date(item.deadline()) + ")"));
    }
    return out;
  }

  private ExportSummary write(ExportRequest request, DossierInfo info, CompletenessSheet sheet, OutputStream out,
      Path work) throws IOException {
    EvidenceQuery query = new EvidenceQuery(request);
    int count = 0;
    try (DossierZip zip = new DossierZip(out, work); IndexHtml html = new IndexHtml(work); XlsxSheet xlsx = new XlsxSheet();
        DocxAppendix docx = new DocxAppendix(work)) {
      EvidenceFiles files = new EvidenceFiles(blobs, zip);
      BannerSeries banners = new BannerSeries(blobs);
      LocalDate today = LocalDate.ofInstant(info.generatedAt(), Settings.ZONE);
      docx.title(info, form);
      for (DossierInfo.Item item : info.items()) {
        html.beginItem(item);
        docx.beginItem(item);
        int component = 0;
        long after = 0;
        int shownComponent = 0;
        boolean any = false;
        while (true) {
          int ac = component;
          long aid = after;
          Page page = db.inTransaction(s -> {
            List<ExportRow> rows = query.page(s, item.id(), ac, aid);
            return new Page(rows, EvidenceQuery.counts(s, rows), EvidenceQuery.moreFiles(s, rows));
          });
          for (ExportRow r : page.rows()) {
            if (r.component() != shownComponent) {
              shownComponent = r.component();
              html.beginComponent(EvidenceComponent.of(shownComponent).orElseThrow());
            }
            DossierInfo.Entry e = files.write(++count, item.code(), r,
                page.counts().getOrDefault(r.postId(), ExportRow.Counts.NONE), flags(r, info.issuedOn(), item),
                page.moreFiles().getOrDefault(r.evidenceId(), List.of()));
            html.entry(e);
            xlsx.entry(e, item.code());
            docx.entry(e);
            banners.offer(e);
            any = true;
          }
          if (page.rows().size() < EvidenceQuery.PAGE) {
            break;
          }
          ExportRow last = page.rows().get(page.rows().size() - 1);
          component = last.component();
          after = last.evidenceId();
        }
        if (!any) {
          html.noEvidence();
        }
        List<BannerSeries.Series> series = db.inTransaction(s -> banners.endItem(s, item.code(), today));
        html.banners(series);
        docx.banners(series);
        html.endItem();
        docx.endItem(any);
      }
      AuditExport audit = new AuditExport(db, query);
      try (OutputStream o = zip.open(DossierLayout.AUDIT_EVENTS)) {
        audit.writeEvents(o);
      }
      try (OutputStream o = zip.open(DossierLayout.AUDIT_CHAIN)) {
        audit.writeChain(o);
      }
      xlsx.completeness(sheet);
      if (!banners.all().isEmpty()) {
        xlsx.banners(banners.all());
        zip.put(BannerSeries.FILE, banners.json());
      }
      try (OutputStream o = zip.open(DossierLayout.XLSX)) {
        xlsx.writeTo(shield(o));
      }
      docx.completeness(sheet);
      docx.closing(form);
      try (OutputStream o = zip.open(DossierLayout.DOCX)) {
        docx.writeTo(o);
      }
      if (pdf.isPresent()) {
        Optional<Path> made = pdf.get().convert(docx.packageFile(), work);
        if (made.isPresent()) {
          try (OutputStream o = zip.open(DossierLayout.PDF)) {
            Files.copy(made.get(), o);
          }
        }
      }
      try (OutputStream o = zip.open(DossierLayout.INDEX)) {
        html.writeTo(o, info, sheet, count);
      }
      byte[] manifestSha = zip.finishManifest();
      boolean stamped = false;
      if (timestamper.isPresent()) {
        try {
          zip.put(DossierLayout.TIMESTAMP, timestamper.get().stamp(manifestSha));
          stamped = true;
        } catch (Timestamper.TimestampException e) {
          throw new ExportException(ExportException.Reason.OUTSIDE, e.getMessage(), e);
        }
      }
      LOG.info("dossier of plan {}: {} evidence items, {} files, {} bytes, {} audit events", request.planCode(), count,
          zip.files(), zip.bytes(), audit.events());
      return new ExportSummary(count, zip.files(), zip.bytes(), audit.events(), HexFormat.of().formatHex(manifestSha), stamped,
          audit.head());
    }
  }

  private record Page(List<ExportRow> rows, Map<Long, ExportRow.Counts> counts,
      Map<Long, List<EvidenceQuery.MoreFile>> moreFiles) {}

  private static PlanProgress progress(Session s, ExportRequest request, LocalDate today) {
    return Progress.compute(s, request.planCode(), today);
  }

  private static DossierInfo info(Session s, ExportRequest request, Instant now) {
    Plan plan = s.createSelectionQuery("from Plan p where p.code = :c", Plan.class).setParameter("c", request.planCode())
        .uniqueResultOptional().orElseThrow(() -> unknownPlan(s, request.planCode()));
    List<DossierInfo.Item> items = new ArrayList<>();
    for (PlanItem i : plan.getItems()) {
      if (request.itemCode().isEmpty() || request.itemCode().get().equals(i.getCode())) {
        items.add(new DossierInfo.Item(i.getId(), i.getCode(), i.getTitle(), i.getLead() == null ? null : i.getLead().getName(),
            i.getTiming(), i.getDeadline()));
      }
    }
    if (request.itemCode().isPresent() && items.isEmpty()) {
      throw new ExportException(ExportException.Reason.BAD_REQUEST, "plan " + plan.getCode() + " has no item '"
          + request.itemCode().get() + "'; its items are: "
          + String.join(", ", plan.getItems().stream().map(PlanItem::getCode).toList()));
    }
    if (request.unitCode().isPresent() && s.createSelectionQuery("select count(u) from Unit u where u.code = :c", Long.class)
        .setParameter("c", request.unitCode().get()).getSingleResult() == 0) {
      throw new ExportException(ExportException.Reason.BAD_REQUEST, "no unit with code '" + request.unitCode().get()
          + "'; see 'registry export' for the unit codes");
    }
    return new DossierInfo(plan.getCode(), plan.getTitle(), plan.getIssuer(), plan.getIssuedOn(), items,
        filterText(request), now);
  }

  private static ExportException unknownPlan(Session s, String code) {
    List<String> known = s.createSelectionQuery("select p.code from Plan p order by p.code", String.class)
        .setMaxResults(30).getResultList();
    return new ExportException(ExportException.Reason.BAD_REQUEST, "no plan with code '" + code + "'; "
        + (known.isEmpty() ? "no plan is registered yet: load one with 'registry import FILE'"
            : "known plans: " + String.join(", ", known)));
  }

  static String filterText(ExportRequest r) {
    List<String> parts = new ArrayList<>();
    parts.add(r.allStatuses() ? "Mọi trạng thái (gồm minh chứng chờ duyệt)" : "Chỉ minh chứng đã duyệt");
    r.itemCode().ifPresent(i -> parts.add("mục " + i));
    r.unitCode().ifPresent(u -> parts.add("đơn vị " + u));
    if (r.from().isPresent() || r.to().isPresent()) {
      parts.add("từ " + r.from().map(DossierText::date).orElse("…") + " đến " + r.to().map(DossierText::date).orElse("…"));
    }
    return String.join(", ", parts);
  }

  /** Keeps a writer that closes its stream (POI does) from closing the ZIP entry early. */
  private static OutputStream shield(OutputStream o) {
    return new FilterOutputStream(o) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot delete the dossier work folder {}: {}", dir, e.getMessage());
    }
  }
}
