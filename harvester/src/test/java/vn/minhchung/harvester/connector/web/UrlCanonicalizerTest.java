package vn.minhchung.harvester.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ' ', value = {
      "HTTPS://BaoBacNinhTV.vn/tin-postid431102.bbg https://baobacninhtv.vn/tin-postid431102.bbg",
      "https://baobacninhtv.vn:443/tin-postid431102.bbg https://baobacninhtv.vn/tin-postid431102.bbg",
      "http://sokhcn.bacninh.gov.vn:80/tin-tuc/ http://sokhcn.bacninh.gov.vn/tin-tuc",
      "http://sokhcn.bacninh.gov.vn:8080/tin-tuc http://sokhcn.bacninh.gov.vn:8080/tin-tuc",
      "https://baobacninhtv.vn/tin-postid1.bbg#comments https://baobacninhtv.vn/tin-postid1.bbg",
      "https://baobacninhtv.vn/tin-postid1.bbg?utm_source=rss&utm_medium=feed https://baobacninhtv.vn/tin-postid1.bbg",
      "https://vnexpress.net/a.html?fbclid=IwAR0xyz https://vnexpress.net/a.html",
      "https://vnexpress.net/a.html?gclid=Cj0&id=5 https://vnexpress.net/a.html?id=5",
      "https://zalo.me/s/123?zarsrc=30&zaloid=9&utm_campaign=x https://zalo.me/s/123",
      "https://example.gov.vn/tin?page=2&id=10 https://example.gov.vn/tin?id=10&page=2",
      "https://example.gov.vn https://example.gov.vn/",
      "https://example.gov.vn/ https://example.gov.vn/",
      "https://example.gov.vn/a/b/../c/./d.html https://example.gov.vn/a/c/d.html",
      "https://example.gov.vn//tin-tuc// https://example.gov.vn//tin-tuc",
      "https://example.gov.vn/share/http://baobacninhtv.vn/a.bbg https://example.gov.vn/share/http://baobacninhtv.vn/a.bbg",
      "https://example.gov.vn/a//b/./c/../d https://example.gov.vn/a//b/d",
      "https://example.gov.vn/../../a https://example.gov.vn/a",
      "https://example.gov.vn./tin https://example.gov.vn/tin",
      "https://example.gov.vn/t%E1%BB%AB-kh%C3%B3a https://example.gov.vn/t%E1%BB%AB-kh%C3%B3a",
      "https://example.gov.vn/tin?&&id=1& https://example.gov.vn/tin?id=1",
  })
  void canonicalisesSoTheSameArticleIsOnePost(String in, String expected) {
    assertThat(UrlCanonicalizer.canonical(in)).hasValue(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", " ", "javascript:alert(1)", "mailto:toasoan@baobacninh.vn", "ftp://example.vn/a",
      "tin-tuc/a.html", "http://", "https://exa mple.vn/%%"})
  void refusesWhatIsNotAnAbsoluteWebUrl(String in) {
    assertThat(UrlCanonicalizer.canonical(in)).isEmpty();
  }

  @Test
  void resolvesRelativeLinksAgainstThePage() {
    URI base = URI.create("https://baobacninhtv.vn/chuyen-doi-so?page=2");
    assertThat(UrlCanonicalizer.resolve(base, "/tin-postid1.bbg?utm_source=x#top"))
        .hasValue("https://baobacninhtv.vn/tin-postid1.bbg");
    assertThat(UrlCanonicalizer.absolute(base, "tin-postid1.bbg#top")).hasValue("https://baobacninhtv.vn/tin-postid1.bbg");
    assertThat(UrlCanonicalizer.absolute(base, "javascript:void(0)")).isEmpty();
  }
}
