package org.peersupport.portal.candidate.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** One row of a schedule form: a course session and the date and time a coordinator gives it. */
public class ScheduleSlot implements Serializable {

    private static final long serialVersionUID = 1L;

    /** When a session meets unless the coordinator says otherwise. */
    static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

    private final int number;
    private final String title;
    private LocalDateTime startsAt;

    public ScheduleSlot(int number, String title, LocalDateTime startsAt) {
        this.number = number;
        this.title = title;
        this.startsAt = startsAt;
    }

    /** One slot per session title, dated weekly from {@code start} at the first slot's time (10:00 if none). */
    static List<ScheduleSlot> weekly(List<String> titles, LocalDate start, LocalTime time) {
        List<ScheduleSlot> slots = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            slots.add(new ScheduleSlot(i + 1, titles.get(i), start == null ? null
                    : LocalDateTime.of(start.plusWeeks(i), time == null ? DEFAULT_TIME : time)));
        }
        return slots;
    }

    /** The number of the first slot dated before the one above it, or 0 when they are in order. */
    static int firstOutOfOrder(List<ScheduleSlot> slots) {
        for (int i = 1; i < slots.size(); i++) {
            LocalDateTime before = slots.get(i - 1).getStartsAt();
            LocalDateTime at = slots.get(i).getStartsAt();
            if (before != null && at != null && at.isBefore(before)) {
                return slots.get(i).getNumber();
            }
        }
        return 0;
    }

    static List<LocalDateTime> dates(List<ScheduleSlot> slots) {
        return slots.stream().map(ScheduleSlot::getStartsAt).toList();
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }
}
