package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.minhchung.harvester.demo.DemoContent.FbPost;
import vn.minhchung.harvester.demo.SiteServer.Request;
import vn.minhchung.harvester.demo.SiteServer.Response;

/**
 * A Graph API for one Page, in the shapes FacebookClient asks for and the fixtures of
 * {@code fixtures/facebook/} show: {@code /vNN.N/{page}/published_posts} with cursor paging (short pages, as
 * Graph gives), {@code /vNN.N/?ids=…} batches, OAuth errors for a wrong token, usage headers. Each post's
 * {@code permalink_url} is this server's Fanpage-like page {@code /fb/posts/{id}}; {@code /fb/{username}} is the
 * Page's wall. Counts grow per hour and each time the first page of posts is listed.
 */
final class FacebookSite extends GrowingSite {
  /** Posts per Graph page: fewer than asked for, so paging is exercised as on the real API. */
  static final int PAGE_SIZE = 4;
  static final String TOKEN = "demo-facebook-page-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSIONED = Pattern.compile("^/(v\\d+\\.\\d+)(/.*)?$");
  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /** Content section of the second Fanpage: no token, read through the browser like a public Page. */
  static final String PUBLIC = "facebookPublic";

  private final String pageId;

  FacebookSite(DemoContent content, Clock clock) {
    super(content, clock);
    this.pageId = content.text("facebook", "pageId");
  }

  String pageId() {
    return pageId;
  }

  /** The path of the second Fanpage's timeline (no token: read through the browser). */
  String publicPagePath() {
    return "/fb/" + content.text(PUBLIC, "username");
  }

  /** The path of a Fanpage that only shows a login wall. */
  String wallPagePath() {
    return "/fb/" + content.text(PUBLIC, "wallUsername");
  }

  @Override
  public Response handle(Request r) {
    Matcher m = VERSIONED.matcher(r.path());
    if (m.matches()) {
      return graph(r, Optional.ofNullable(m.group(2)).orElse("/"), m.group(1));
    }
    String p = r.path();
    if (p.startsWith("/fb/posts/")) {
      String id = p.substring("/fb/posts/".length());
      Optional<FbPost> ofPublic = content.fbPublicPosts.stream()
          .filter(post -> (content.text(PUBLIC, "pageId") + "_" + post.id()).equals(id)).findFirst();
      if (ofPublic.isPresent()) {
        return Response.html(FacebookPages.post(content, PUBLIC, ofPublic.get(), counts(ofPublic.get()),
            clock.instant()));
      }
      return find(id).map(post -> Response.html(FacebookPages.post(content, post, counts(post), clock.instant())))
          .orElseGet(Response::notFound);
    }
    if (p.equals("/fb/" + content.text(PUBLIC, "username"))) {
      return Response.html(FacebookPages.wall(content, PUBLIC, content.fbPublicPosts.stream().map(this::counts)
          .toList(), clock.instant()));
    }
    if (p.equals("/fb/" + content.text(PUBLIC, "wallUsername"))) {
      return Response.html(FacebookPages.loginWall(content));
    }
    if (p.equals("/fb/" + content.text("facebook", "username")) || p.equals("/fb/" + pageId) || p.equals("/fb/")) {
      return Response.html(FacebookPages.wall(content, content.fbPosts.stream().map(this::counts).toList(),
          clock.instant()));
    }
    if (p.startsWith("/img/")) {
      return Response.text(200, "image/svg+xml", Html.svg(Optional.ofNullable(r.param("t")).orElse("Bắc Ninh"),
          960, 540));
    }
    return Response.notFound();
  }

  private Response graph(Request r, String rest, String version) {
    String auth = Optional.ofNullable(r.header("Authorization")).map(a -> a.replaceFirst("^Bearer\\s+", ""))
        .or(() -> Optional.ofNullable(r.param("access_token"))).orElse("");
    if (!auth.equals(TOKEN)) {
      return error(400, 190, 460, "OAuthException", "Error validating access token: The session has been invalidated.");
    }
    if (rest.equals("/") && r.param("ids") != null) {
      return "id,length".equals(r.param("fields")) ? lengths(r.param("ids")) : batch(r.param("ids"));
    }
    if (rest.equals("/" + pageId + "/published_posts") || rest.equals("/" + pageId + "/posts")) {
      return posts(r, version, rest);
    }
    if (rest.equals("/" + pageId) || rest.equals("/me")) {
      ObjectNode page = JSON.createObjectNode().put("id", pageId).put("name", content.text("facebook", "name"))
          .put("username", content.text("facebook", "username")).put("fan_count", 47_950);
      return ok(page);
    }
    return error(400, 100, 33, "GraphMethodException", "Unsupported get request. Object with ID '"
        + rest.replaceFirst("^/", "") + "' does not exist, cannot be loaded due to missing permissions, or does not "
        + "support this operation.");
  }

  private Response posts(Request r, String version, String rest) {
    List<FbPost> all = content.fbPosts;
    int from = 0;
    String after = r.param("after");
    if (after == null) {
      listingServed();
    } else {
      from = cursorIndex(after);
    }
    int limit = Math.min(PAGE_SIZE, parse(r.param("limit"), 25));
    List<FbPost> page = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + limit));
    ObjectNode root = JSON.createObjectNode();
    ArrayNode data = root.putArray("data");
    page.forEach(p -> data.add(node(p)));
    ObjectNode paging = root.putObject("paging");
    ObjectNode cursors = paging.putObject("cursors");
    cursors.put("before", cursor(from));
    cursors.put("after", cursor(from + page.size()));
    if (from + page.size() < all.size()) {
      paging.put("next", base + "/" + version + rest + "?fields=" + enc(Optional.ofNullable(r.param("fields"))
          .orElse("id")) + "&limit=" + limit + "&after=" + cursor(from + page.size()));
    }
    return ok(root);
  }

  private Response batch(String ids) {
    ObjectNode root = JSON.createObjectNode();
    for (String id : ids.split(",")) {
      Optional<FbPost> p = find(id.strip());
      if (p.isEmpty()) {
        return error(400, 100, 33, "GraphMethodException", "Unsupported get request. Object with ID '" + id.strip()
            + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
      }
      root.set(id.strip(), node(p.get()));
    }
    return ok(root);
  }

  /** {@code ?ids=v1,v2&fields=id,length}: the length of each video, as Graph's Video node gives it. */
  private Response lengths(String ids) {
    ObjectNode root = JSON.createObjectNode();
    for (String id : ids.split(",")) {
      Optional<FbPost> p = content.fbPosts.stream().filter(x -> id.strip().equals(x.videoId())).findFirst();
      if (p.isEmpty()) {
        return error(400, 100, 33, "GraphMethodException", "Unsupported get request. Object with ID '" + id.strip()
            + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
      }
      ObjectNode v = root.putObject(id.strip()).put("id", id.strip());
      if (p.get().videoLength() != null) {
        v.put("length", p.get().videoLength());
      }
    }
    return ok(root);
  }

  private ObjectNode node(FbPost p) {
    Counts c = counts(p);
    ObjectNode n = JSON.createObjectNode();
    n.put("id", fullId(p));
    n.put("message", p.message());
    n.put("created_time", CREATED.format(p.postedAt()));
    n.put("permalink_url", base + "/fb/posts/" + fullId(p));
    if (p.photo() != null) {
      String img = base + picture(p);
      n.put("full_picture", img);
      ObjectNode att = n.putObject("attachments").putArray("data").addObject();
      if (p.videoId() != null) {
        att.put("media_type", "video").put("type", "video_inline").put("title", p.photo())
            .put("url", base + "/fb/posts/" + fullId(p));
        att.putObject("target").put("id", p.videoId()).put("url", base + "/fb/posts/" + fullId(p));
      } else {
        att.put("media_type", "photo").put("type", "photo").put("title", p.photo())
            .put("url", base + "/fb/posts/" + fullId(p));
      }
      att.putObject("media").putObject("image").put("src", img).put("width", 960).put("height", 540);
    }
    if (c.shares() > 0) {
      n.putObject("shares").put("count", c.shares());
    }
    if (c.reactions() > 0) {
      ObjectNode rs = n.putObject("reactions");
      rs.putArray("data");
      rs.putObject("summary").put("total_count", c.reactions()).put("viewer_reaction", "NONE");
    }
    if (c.comments() > 0) {
      ObjectNode cs = n.putObject("comments");
      cs.putArray("data");
      cs.putObject("summary").put("order", "ranked").put("total_count", c.comments()).put("can_comment", true);
    }
    return n;
  }

  /** The counts of a post now: reactions, comments, shares (0 when the content has none). */
  record Counts(FbPost post, long reactions, long comments, long shares) {}

  Counts counts(FbPost p) {
    Instant now = clock.instant();
    int k = round();
    return new Counts(p, p.reactions() == null ? 0 : p.reactions().at(p.postedAt(), now, k),
        p.comments() == null ? 0 : p.comments().at(p.postedAt(), now, k),
        p.shares() == null ? 0 : p.shares().at(p.postedAt(), now, k));
  }

  String fullId(FbPost p) {
    return pageId + "_" + p.id();
  }

  static String picture(FbPost p) {
    return "/img/fb-" + p.id() + ".svg?t=" + enc(p.photo());
  }

  private Optional<FbPost> find(String id) {
    return content.fbPosts.stream().filter(p -> fullId(p).equals(id) || p.id().equals(id)).findFirst();
  }

  private static String cursor(int index) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("demo-cursor:" + index)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static int cursorIndex(String cursor) {
    try {
      String s = new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return Integer.parseInt(s.substring(s.indexOf(':') + 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return 0;
    }
  }

  private static int parse(String s, int fallback) {
    try {
      return s == null ? fallback : Math.max(1, Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Response ok(ObjectNode body) {
    return Response.json(200, body.toString()).withHeader("X-App-Usage",
        "{\"call_count\":1,\"total_cputime\":1,\"total_time\":1}");
  }

  private static Response error(int status, int code, int subcode, String type, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("message", message).put("type", type).put("code", code)
        .put("error_subcode", subcode).put("fbtrace_id", "AdemoTrace0001");
    return Response.json(status, root.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
