package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.control.OverdueReminders;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.ClaimedDay;
import org.peersupport.portal.platform.control.JobClaims;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;
import org.peersupport.portal.platform.control.UkTime;

/**
 * The daily overdue reminder. Every node sets a timer for the time in {@code portal.reminder.time} (default 07:00,
 * UK time); whichever node claims the day in the database first ({@link JobClaims}) sends the reminders, and the
 * others skip, so it runs once per day however many nodes run. The timers are not persistent: the claim, not the
 * timer store, is what makes the run single. A coordinator (or a test) can run it for a given day.
 *
 * <p>The run is its own unit of work, which this bean demarcates: the claim around it commits on its own (before the
 * work, so other nodes see it, and its release although the work failed), and the reminders are sent in one
 * transaction of their own, whatever the caller's.
 */
@Startup
@Singleton
@DenyAll
@TransactionManagement(TransactionManagementType.BEAN)
public class DailyReminder {

    public static final String JOB = "overdue-reminder";
    private static final Logger LOG = Logger.getLogger(DailyReminder.class.getName());

    @Resource
    TimerService timers;

    @Resource
    UserTransaction transaction;

    @Inject
    PortalConfig config;

    @Inject
    JobClaims claims;

    @Inject
    OverdueReminders reminders;

    @Inject
    LessonAccess access;

    @PostConstruct
    void schedule() {
        LocalTime at = LocalTime.parse(config.valueOr(PortalSetting.REMINDER_TIME, "07:00"));
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0)
                .timezone(UkTime.ZONE.getId()), new TimerConfig(JOB, false));
        LOG.info(() -> "The overdue reminder runs daily at " + at + " (" + UkTime.ZONE.getId() + ")");
    }

    /** The container's timer callback: no one is signed in, so it is open to the container alone (not public). */
    @Timeout
    @PermitAll
    void daily(Timer timer) {
        try {
            ReminderRun run = execute(access.now().toLocalDate());
            LOG.info(() -> run.ran() ? "Overdue reminder for " + run.day() + ": " + run.notices() + " notices"
                    : "Overdue reminder for " + run.day() + " already run by another node");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The overdue reminder failed; its day is released for another try", e);
        }
    }

    /** Runs the reminder for {@code day}, unless some call on some node has run it already. */
    @RolesAllowed(Role.Names.COORDINATOR)
    @Lock(LockType.READ)
    public ReminderRun run(LocalDate day) {
        return execute(day);
    }

    /** Sends the reminders for {@code day} in a transaction of their own: all of them, or none. */
    private ReminderRun execute(LocalDate day) {
        return ClaimedDay.run(claims, transaction, JOB, day, () -> reminders.remind(day), sent -> sent + " notices")
                .map(sent -> new ReminderRun(day, true, sent)).orElseGet(() -> new ReminderRun(day, false, 0));
    }
}
