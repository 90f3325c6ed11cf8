package vn.minhchung.harvester.schedule;

/** The scheduler could not start, stop or change a schedule; the message names the channel or the operation. */
public final class ScheduleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScheduleException(String message, Throwable cause) {
    super(message, cause);
  }

  public ScheduleException(String message) {
    super(message);
  }
}
