package vn.minhchung.config.registry;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * Rules across entries: unique codes, references to units and parents that exist (in the file or already in
 * the database), Quartz cron, URLs that fit the channel kind, option keys, target bounds and column sizes.
 */
public final class RegistryValidator {
  private final List<RegistryProblem> problems;
  private final Set<String> knownUnits;

  /** @param existingUnits unit codes already stored, which entries may reference without repeating them */
  RegistryValidator(List<RegistryProblem> problems, Set<String> existingUnits) {
    this.problems = problems;
    this.knownUnits = new HashSet<>(existingUnits);
  }

  void validate(RegistryDocument doc) {
    Map<String, Location> unitCodes = new HashMap<>();
    for (UnitEntry u : doc.units()) {
      code(u.code(), u.where(), "unit", unitCodes);
      length(u.name(), 500, "name", u.where());
    }
    knownUnits.addAll(unitCodes.keySet());
    Map<String, String> parents = new HashMap<>();
    for (UnitEntry u : doc.units()) {
      if (u.parent() != null) {
        unitRef(u.parent(), "parent", u.where());
        if (u.parent().equals(u.code())) {
          add(u.where().at("parent"), "parent", "a unit cannot be its own parent");
        } else if (u.code() != null) {
          parents.put(u.code(), u.parent());
        }
      }
    }
    cycles(doc, parents);
    Map<String, Location> channelCodes = new HashMap<>();
    for (ChannelEntry c : doc.channels()) {
      channel(c, channelCodes);
    }
    Map<String, Location> planCodes = new HashMap<>();
    for (PlanEntry p : doc.plans()) {
      code(p.code(), p.where(), "plan", planCodes);
      length(p.title(), 1000, "title", p.where());
      length(p.issuer(), 500, "issuer", p.where());
      Map<String, Location> itemCodes = new HashMap<>();
      for (ItemEntry i : p.items()) {
        item(p, i, itemCodes);
      }
    }
  }

  private void channel(ChannelEntry c, Map<String, Location> codes) {
    code(c.code(), c.where(), "channel", codes);
    if (c.unit() != null) {
      unitRef(c.unit(), "unit", c.where());
    }
    length(c.name(), 500, "name", c.where());
    length(c.platformId(), 200, "platformId", c.where());
    if (c.url() != null) {
      length(c.url(), 2000, "url", c.where());
      if (c.kind() != null) {
        ChannelRules.urlProblem(c.kind(), c.url()).ifPresent(p -> add(c.where().at("url"), "url", p));
      }
    }
    if (c.schedule() != null) {
      try {
        new CronExpression(c.schedule());
        length(c.schedule(), 120, "schedule", c.where());
      } catch (ParseException e) {
        add(c.where().at("schedule"), "schedule", "Quartz rejects the cron expression '" + c.schedule() + "': "
            + e.getMessage() + "; expected six or seven fields such as \"0 0 6 * * ?\" (06:00 daily)");
      }
    }
    if (c.kind() != null) {
      options(c);
    }
  }

  private void options(ChannelEntry c) {
    List<String> allowed = ChannelRules.OPTION_KEYS.get(c.kind());
    LocalDate from = null;
    LocalDate to = null;
    for (Map.Entry<String, List<String>> o : c.options().entrySet()) {
      String field = "options." + o.getKey();
      Location keyAt = c.where().at(field + "#key");
      Location at = c.where().at(field);
      if (!allowed.contains(o.getKey())) {
        add(keyAt, field, "unknown option for " + c.kind().code() + "; expected one of " + String.join(", ", allowed));
        continue;
      }
      if (o.getValue().size() > 1 && !ChannelRules.MULTI_VALUE_OPTIONS.contains(o.getKey())) {
        add(at, field, "expected one value, not a list");
      }
      for (String v : o.getValue()) {
        length(v, 2000, field, c.where());
        if (ChannelRules.URL_OPTIONS.contains(o.getKey()) && ChannelRules.httpUri(v).isEmpty()) {
          add(at, field, "expected an absolute http(s) URL but was '" + v + "'");
        }
        if (o.getKey().equals("via") && !ChannelRules.VIA_VALUES.get(c.kind()).contains(v)) {
          add(at, field, "unknown value '" + v + "' for " + c.kind().code() + "; expected one of "
              + String.join(", ", ChannelRules.VIA_VALUES.get(c.kind())));
        }
        if (ChannelRules.DATE_OPTIONS.contains(o.getKey())) {
          LocalDate d = RegistryFormats.parseDate(v).orElse(null);
          if (d == null) {
            add(at, field, "expected a date dd/MM/yyyy such as 01/10/2026 but was '" + v + "'");
          } else if (o.getKey().equals("watchFrom")) {
            from = d;
          } else {
            to = d;
          }
        }
      }
    }
    if (from != null && to != null && to.isBefore(from)) {
      add(c.where().at("options.watchTo"), "options.watchTo", "the watch period ends ("
          + RegistryFormats.formatDate(to) + ") before it starts (" + RegistryFormats.formatDate(from) + ")");
    }
  }

  private void item(PlanEntry plan, ItemEntry i, Map<String, Location> codes) {
    code(i.code(), i.where(), "item", codes);
    length(i.title(), 2000, "title", i.where());
    length(i.timing(), 500, "timing", i.where());
    length(i.products(), 2000, "products", i.where());
    if (i.lead() != null) {
      unitRef(i.lead(), "lead", i.where());
    }
    Set<String> seen = new HashSet<>();
    for (String u : i.cooperating()) {
      unitRef(u, "cooperating", i.where());
      if (!seen.add(u)) {
        add(i.where().at("cooperating"), "cooperating", "unit " + u + " is listed twice");
      }
    }
    unitDeadlines(i);
    for (TargetEntry t : i.targets()) {
      if (t.component() != 0 && EvidenceComponent.of(t.component()).isEmpty()) {
        add(t.where().at("component"), "component", "expected an evidence component 1..6 but was " + t.component());
      }
      if (t.component() != 0 && EvidenceComponent.of(t.component()).isPresent()
          && !i.expected(plan).contains(t.component())) {
        String whose = i.components() != null ? "the item's components " + i.components()
            : "the plan's default components " + plan.components();
        add(t.where().at("component"), "component", "target of component " + t.component() + " is not among "
            + whose + "; add " + t.component() + " to 'components' or change the target");
      }
      if (t.count() < 0) {
        add(t.where().at("count"), "count", "expected a count >= 0 but was " + t.count());
      }
      length(t.description(), 1000, "description", t.where());
      if (t.minDuration() != null && t.maxDuration() != null && t.maxDuration().compareTo(t.minDuration()) < 0) {
        add(t.where().at("maxDuration"), "maxDuration", "is shorter than minDuration " + t.minDuration());
      }
      if (t.kind() != null && !t.kind().hasDuration() && (t.minDuration() != null || t.maxDuration() != null)) {
        String key = t.minDuration() != null ? "minDuration" : "maxDuration";
        add(t.where().at(key), key, "a target of kind " + t.kind().code() + " has no duration; bounds apply to "
            + "kinds clip and infographic_3d (or a target without kind)");
      }
    }
  }

  /** Units report before the item's own deadline: never after it, and only units that exist. */
  private void unitDeadlines(ItemEntry i) {
    UnitDeadlines u = i.unitDeadlines();
    if (u.cooperating() != null) {
      if (i.cooperating().isEmpty()) {
        add(i.where().at("unitDeadline"), "unitDeadline", "the item has no cooperating units for this date; list "
            + "them in 'cooperating' or give dates per unit in 'unitDeadlines'");
      }
      if (i.deadline() != null && u.cooperating().isAfter(i.deadline())) {
        add(i.where().at("unitDeadline"), "unitDeadline", "the units' deadline "
            + RegistryFormats.formatDate(u.cooperating()) + " is after the item's deadline "
            + RegistryFormats.formatDate(i.deadline()) + "; units report to the lead unit before it reports");
      }
    }
    u.byUnit().forEach((unit, day) -> {
      unitRef(unit, "unitDeadlines", i.where());
      if (i.deadline() != null && day.isAfter(i.deadline())) {
        add(i.where().at("unitDeadlines"), "unitDeadlines", "unit " + unit + ": deadline "
            + RegistryFormats.formatDate(day) + " is after the item's deadline "
            + RegistryFormats.formatDate(i.deadline()) + "; units report to the lead unit before it reports");
      }
    });
  }

  private void code(String code, Where where, String what, Map<String, Location> seen) {
    if (code == null) {
      return;
    }
    if (code.length() > 64 || code.chars().anyMatch(Character::isWhitespace)) {
      add(where.at("code"), "code", "a " + what + " code must be at most 64 characters without spaces but was '"
          + code + "'");
    }
    Location first = seen.putIfAbsent(code, where.at("code"));
    if (first != null) {
      add(where.at("code"), "code", "duplicate " + what + " code '" + code + "'; first defined at " + first);
    }
  }

  private void unitRef(String code, String field, Where where) {
    if (!knownUnits.contains(code)) {
      add(where.at(field), field, "unknown unit '" + code + "'; add it under units or fix the code");
    }
  }

  private void cycles(RegistryDocument doc, Map<String, String> parents) {
    for (UnitEntry u : doc.units()) {
      Set<String> path = new java.util.LinkedHashSet<>();
      String c = u.code();
      while (c != null && path.add(c)) {
        c = parents.get(c);
      }
      if (c != null && c.equals(u.code()) && path.size() > 1) {
        add(u.where().at("parent"), "parent", "units form a cycle through their parents: " + String.join(" → ", path));
      }
    }
  }

  private void length(String value, int max, String field, Where where) {
    if (value != null && value.length() > max) {
      add(where.at(field), field, "is " + value.length() + " characters long; at most " + max + " are allowed");
    }
  }

  private void add(Location at, String field, String message) {
    problems.add(new RegistryProblem(at, field, message));
  }
}
