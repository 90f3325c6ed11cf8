package vn.minhchung.harvester.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;

/** {@code posts list [--channel CODE] [--json]}: harvested posts with postedAt and the latest counts. */
@Command(name = "posts", description = "Bài đã thu thập (harvested posts).", subcommands = PostsCommand.ListPosts.class)
final class PostsCommand {

  @Command(name = "list", description = "List harvested posts, newest first, with their latest counts.")
  static final class ListPosts implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--channel", paramLabel = "CODE", description = "Only this channel.") String channel;
    @Option(names = "--json", description = "JSON array (fields of ARCHITECTURE.md).") boolean json;

    @Override
    public Integer call() {
      List<Map<String, Object>> rows = Main.of(spec).context().database().inTransaction(s -> {
        if (channel != null && s.createQuery("select count(c) from Channel c where c.code = :c", Long.class)
            .setParameter("c", channel).getSingleResult() == 0) {
          throw CliException.badInput("kênh '" + channel + "' không có trong danh mục (unknown channel code)");
        }
        List<Post> posts = s.createQuery("from Post p join fetch p.channel c where (:c is null or c.code = :c) "
            + "order by c.code, p.postedAt desc nulls last, p.id desc", Post.class)
            .setParameter("c", channel).getResultList();
        Map<Long, MetricSnapshot> latest = new HashMap<>();
        s.createQuery("from MetricSnapshot m where m.id in (select max(m2.id) from MetricSnapshot m2 "
            + "join m2.post p2 join p2.channel c2 where (:c is null or c2.code = :c) group by p2.id)",
            MetricSnapshot.class).setParameter("c", channel).getResultList()
            .forEach(m -> latest.put(m.getPost().getId(), m));
        return posts.stream().map(p -> row(p, latest.get(p.getId()))).toList();
      });
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.array(rows));
      } else {
        for (Map<String, Object> r : rows) {
          out.println(r.get("channel") + "  " + Objects.toString(r.get("postedAt"), "(không có ngày)") + "  "
              + Objects.toString(r.get("title"), "") + "  " + r.get("url"));
        }
        out.println(rows.size() + " bài");
      }
      return ExitCodes.OK;
    }

    private static Map<String, Object> row(Post p, MetricSnapshot m) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("channel", p.getChannel().getCode());
      r.put("platformId", p.getPlatformId());
      r.put("url", p.getUrl());
      r.put("title", p.getTitle());
      r.put("postedAt", VietnameseDates.isoLocal(p.getPostedAt()));
      r.put("postedAtText", p.getPostedAtText());
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("reactions", m == null ? null : m.getReactions());
      counts.put("comments", m == null ? null : m.getComments());
      counts.put("shares", m == null ? null : m.getShares());
      counts.put("views", m == null ? null : m.getViews());
      counts.put("likes", m == null ? null : m.getLikes());
      r.put("counts", counts);
      r.put("durationSeconds", p.getDurationSeconds());
      r.put("firstSeenAt", VietnameseDates.isoLocal(p.getFirstSeenAt()));
      r.put("lastSeenAt", VietnameseDates.isoLocal(p.getLastSeenAt()));
      return r;
    }
  }
}
