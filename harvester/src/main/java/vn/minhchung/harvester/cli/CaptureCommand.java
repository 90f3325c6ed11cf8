package vn.minhchung.harvester.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.minhchung.harvester.capture.CaptureRequest;
import vn.minhchung.harvester.capture.CaptureResult;
import vn.minhchung.harvester.capture.CaptureService;
import vn.minhchung.harvester.capture.browser.BrowserUnavailableException;

/** {@code capture URL [--channel CODE] [--selector CSS] [--json]}: evidence capture of one page now. */
@Command(name = "capture", description = "Chụp minh chứng một trang ngay (evidence capture of one page now).")
final class CaptureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "http:// or https:// address of the page.")
  String url;

  @Option(names = "--channel", paramLabel = "CODE", description = "Channel code from the registry.")
  String channel;

  @Option(names = "--selector", paramLabel = "CSS", description = "Element to screenshot (default: the post, "
      + "the article or the main content).")
  String selector;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CaptureRequest req = request();
    AppContext ctx = Main.of(spec).context();
    CaptureResult r;
    try (CaptureService service = CaptureService.start(ctx.settings(), ctx.env(), ctx.database(), ctx.blobs(),
        ctx.clock())) {
      r = service.capture(req);
    } catch (BrowserUnavailableException e) {
      throw new CliException(ExitCodes.OUTSIDE_FAILURE, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(r));
    } else {
      out.printf(java.util.Locale.ROOT, "capture %d: %s%s%n", r.captureId(), r.status().code(),
          r.detail() == null ? "" : " (" + r.detail() + ")");
      for (CaptureResult.StoredFile f : r.files()) {
        out.printf(java.util.Locale.ROOT, "  %-16s %s  %d bytes%n", f.name(), f.blob().sha256(), f.blob().size());
      }
    }
    return ExitCodes.OK;
  }

  private CaptureRequest request() {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw CliException.badInput("'" + url + "' is not a URL: " + e.getMessage()
          + "; expected e.g. https://example.gov.vn/tin-tuc/bai-viet.html");
    }
    CaptureRequest req;
    try {
      req = CaptureRequest.of(uri);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage());
    }
    if (channel != null) {
      req = req.withChannel(channel);
    }
    return selector == null ? req : req.withSelector(selector);
  }

  private static String toJson(CaptureResult r) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("captureId", r.captureId());
    o.put("url", r.url());
    o.put("finalUrl", r.finalUrl());
    o.put("status", r.status().code());
    o.put("statusDetail", r.detail());
    ObjectNode files = o.putObject("files");
    for (CaptureResult.StoredFile f : r.files()) {
      ObjectNode n = files.putObject(f.name());
      n.put("sha256", f.blob().sha256());
      n.put("size", f.blob().size());
    }
    return o.toString();
  }
}
