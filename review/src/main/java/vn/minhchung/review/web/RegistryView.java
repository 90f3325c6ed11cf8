package vn.minhchung.review.web;

import vn.minhchung.config.registry.Location;
import vn.minhchung.config.registry.RegistryProblem;

/** What the "Danh mục" page shows of a workbook being imported: its problems, or its summary awaiting confirmation. */
public final class RegistryView {
  private RegistryView() {}

  /** A form's values as typed; {@code kind} is unit, plan or item; {@code targets} rows of 5 cells. */
  public record Form(String kind, boolean isNew, java.util.Map<String, String> v, java.util.List<String> components, java.util.List<String> cooperating,
      java.util.List<String[]> targets) {
    public String get(String key) {
      return v.getOrDefault(key, "");
    }
  }


  /** One problem as shown: where (sheet, row, column letter), the field, and what is wrong. */
  public record Problem(String sheet, int row, String column, String field, String problem) {
    static Problem of(RegistryProblem p) {
      Location at = p.at();
      return new Problem(at.sheet() == null ? "" : at.sheet(), at.line(),
          at.column() > 0 ? Location.columnLetters(at.column()) : "", p.field() == null ? "" : p.field(),
          vietnamese(p.problem()));
    }
  }

  /** A checked workbook waiting for confirmation. */
  public record Preview(String sha, String fileName, int units, int channels, int plans, int items, int targets) {}

  /** The file import's most frequent problems in Vietnamese; others keep the import's own (English) words. */
  private static final java.util.List<java.util.Map.Entry<java.util.regex.Pattern, String>> WORDS = java.util.List.of(
      rule("missing; this field is required", "thiếu; trường này bắt buộc"),
      rule("expected a date dd/MM/yyyy such as (\\S+) but was '(.*)'", "cần ngày dạng dd/MM/yyyy (ví dụ $1), ô đang ghi '$2'"),
      rule("unknown unit '(.*)'; add it under units or fix the code",
          "không có đơn vị '$1'; thêm đơn vị này vào trang units hoặc sửa mã"),
      rule("duplicate (\\w+) code '(.*)'; first defined at (.*)", "mã '$2' bị trùng; đã có ở $3"),
      rule("a unit cannot be its own parent", "đơn vị không thể trực thuộc chính nó"),
      rule("units form a cycle through their parents: (.*)", "các đơn vị trực thuộc nhau thành vòng: $1"),
      rule("target of component (\\d) is not among (.*)", "chỉ tiêu thuộc thành phần $1 nhưng thành phần này không nằm trong thành phần yêu cầu"),
      rule("is (\\d+) characters long; at most (\\d+) are allowed", "dài $1 ký tự; tối đa $2"),
      rule("is shorter than minDuration (.*)", "thời lượng tối đa ngắn hơn thời lượng tối thiểu"),
      rule("expected an evidence component 1..6 but was (.*)", "thành phần minh chứng phải từ 1 đến 6, ô đang ghi $1"),
      rule("expected an absolute http\\(s\\) URL but was '(.*)'", "cần địa chỉ http:// hoặc https:// đầy đủ, ô đang ghi '$1'"),
      rule("expected a count >= 0 but was (.*)", "số lượng phải từ 0 trở lên, ô đang ghi $1"),
      rule("the workbook has no rows in units, channels or plans", "bảng tính không có dòng nào ở các trang units, channels, plans"));

  private static java.util.Map.Entry<java.util.regex.Pattern, String> rule(String regex, String vietnamese) {
    return java.util.Map.entry(java.util.regex.Pattern.compile(regex), vietnamese);
  }

  /** A registry field as the forms label it ("items[2].deadline" → "Hạn"). */
  static String fieldName(String field) {
    String f = field == null ? "" : field.replaceAll(".*[.\\]]", "");
    return switch (f) {
      case "code" -> "Mã";
      case "name" -> "Tên";
      case "parent" -> "Trực thuộc";
      case "title" -> "Nội dung";
      case "issuer" -> "Cơ quan ban hành";
      case "issuedOn" -> "Ngày ban hành";
      case "lead" -> "Chủ trì";
      case "cooperating" -> "Phối hợp";
      case "timing" -> "Thời gian thực hiện";
      case "deadline" -> "Hạn";
      case "products" -> "Sản phẩm";
      case "keywords" -> "Từ khóa";
      case "components" -> "Thành phần yêu cầu";
      case "component" -> "Thành phần của chỉ tiêu";
      case "count" -> "Số lượng";
      case "description" -> "Mô tả chỉ tiêu";
      case "minDuration", "maxDuration" -> "Thời lượng";
      default -> f.isEmpty() ? "Danh mục" : f;
    };
  }

  static String vietnamese(String problem) {
    for (var w : WORDS) {
      java.util.regex.Matcher m = w.getKey().matcher(problem);
      if (m.matches()) {
        return m.replaceFirst(w.getValue());
      }
    }
    return problem;
  }
}
