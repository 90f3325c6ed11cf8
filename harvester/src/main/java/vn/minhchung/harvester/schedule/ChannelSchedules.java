package vn.minhchung.harvester.schedule;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The cron of a channel: its own schedule from the registry, else the default cron shifted by a deterministic
 * per-channel offset within {@code schedule.spreadMinutes}, so hundreds of channels do not start in the same
 * second and a channel keeps the same slot across restarts and nodes.
 */
public final class ChannelSchedules {
  private static final int DAY_SECONDS = 24 * 3600;

  private ChannelSchedules() {}

  /** The cron to use for a channel; {@code schedule} may be null or blank (then the spread default applies). */
  public static String cronFor(String channelCode, String schedule, String defaultCron, int spreadMinutes) {
    if (schedule != null && !schedule.isBlank()) {
      return schedule.trim();
    }
    return spread(defaultCron.trim(), offsetSeconds(channelCode, spreadMinutes));
  }

  /** A stable offset in [0, spreadMinutes × 60) seconds from the CRC-32 of the code (same on every JVM). */
  public static int offsetSeconds(String channelCode, int spreadMinutes) {
    if (spreadMinutes <= 0) {
      return 0;
    }
    CRC32 crc = new CRC32();
    crc.update(channelCode.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % (spreadMinutes * 60L));
  }

  /**
   * Adds {@code offset} seconds to a cron whose second, minute and hour are plain numbers (wrapping within the
   * day). A cron with patterns in those fields is shifted by {@code offset % 60} seconds only if its second is
   * a plain number, otherwise kept, because a shift could change which times it matches.
   */
  static String spread(String cron, int offset) {
    String[] f = cron.split("\\s+");
    if (f.length < 6 || offset == 0) {
      return cron;
    }
    if (isNumber(f[0]) && isNumber(f[1]) && isNumber(f[2])) {
      int t = (Integer.parseInt(f[2]) * 3600 + Integer.parseInt(f[1]) * 60 + Integer.parseInt(f[0]) + offset) % DAY_SECONDS;
      f[0] = Integer.toString(t % 60);
      f[1] = Integer.toString(t / 60 % 60);
      f[2] = Integer.toString(t / 3600);
    } else if (isNumber(f[0])) {
      f[0] = Integer.toString((Integer.parseInt(f[0]) + offset) % 60);
    }
    return String.join(" ", f);
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() <= 2 && s.chars().allMatch(Character::isDigit);
  }
}
