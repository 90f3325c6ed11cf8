package vn.minhchung.harvester.connector.web;

import java.util.List;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A family of article page layouts shared by many Vietnamese CMSs (provincial papers and portals reuse a few),
 * as precompiled selectors: the article body, its lead (sapo), title, and blocks to drop from the body
 * (related-article lists, share bars). Detected by the body selector; {@link #GENERIC} is the fallback.
 */
record Layout(String name, Evaluator body, Evaluator lead, Evaluator title, Evaluator exclude) {

  private static Layout of(String name, String body, String lead, String title) {
    return new Layout(name, QueryParser.parse(body), QueryParser.parse(lead), QueryParser.parse(title),
        QueryParser.parse(COMMON_EXCLUDE));
  }

  private static final String COMMON_EXCLUDE = "script, style, noscript, iframe, form, .news-related__list, "
      + ".related, .related-news, .box-related, .relate-news, .tin-lien-quan, .tinlienquan, .box-tinlienquan, "
      + ".article__related, .detail-related, .social-share, .share-buttons, .sharing, .tags, .box-tags, "
      + ".news_detail_sapo, .sapo, .article__sapo, .detail-sapo";

  static final List<Layout> FAMILIES = List.of(
      of("bbg", ".news-details__content", "div.news_detail_sapo", "h1.news-details__title, h1"),
      of("cms-body", ".article__body.cms-body", ".article__sapo, .sapo", "h1.article__title, h1"),
      of("afcbc", ".detail-content.afcbc-body", ".detail-sapo, .sapo", "h1.detail-title, h1"),
      of("b-maincontent", "div.b-maincontent", ".sapo, .b-sapo, .lead", "h1.title, h1"),
      of("portal", ".journal-content-article, .ArticleContent, .news-content, .noidung, .chitiet-noidung",
          ".summary, .tomtat, .sapo, .news-summary", "h1, .title-news, .news-title"));

  static final Layout GENERIC = of("generic",
      "[itemprop=articleBody], article .content, article, .post-content, .entry-content, .content-detail, "
          + ".detail-content, #content, main",
      ".sapo, .lead, .summary, .description, .article-summary", "h1");
}
