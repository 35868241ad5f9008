package org.peersupport.portal.governance.boundary;

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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.governance.control.RetentionWork;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.ClaimedDay;
import org.peersupport.portal.platform.control.JobClaims;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;
import org.peersupport.portal.platform.control.UkTime;

/**
 * The daily retention purge. Every node sets a timer for {@code portal.retention.time} (default 02:30, UK time);
 * whichever node claims the day in the database first ({@link JobClaims}) purges what the schedule says is due, and
 * the others skip, so it runs once per day however many nodes run. The governance role can run the day's purge
 * from its retention page (the same claim: a day already run is not run again).
 *
 * <p>The purge is one transaction of its own, which this bean demarcates: everything due that day goes, with its
 * {@code retention_purge} records and its audit entries, or nothing does and the day is released for another try.
 */
@Startup
@Singleton
@DenyAll
@TransactionManagement(TransactionManagementType.BEAN)
public class RetentionJob {

    public static final String JOB = "retention-purge";
    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    /** One day's run: whether this call ran it, and what it purged per class. */
    public record PurgeRun(LocalDate day, boolean ran, Map<String, Integer> purged) implements Serializable {

        public int total() {
            return purged.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @Resource
    TimerService timers;

    @Resource
    UserTransaction transaction;

    @Inject
    PortalConfig config;

    @Inject
    JobClaims claims;

    @Inject
    RetentionWork work;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    @PostConstruct
    void schedule() {
        LocalTime at = LocalTime.parse(config.valueOr(PortalSetting.RETENTION_TIME, "02:30"));
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0)
                .timezone(UkTime.ZONE.getId()), new TimerConfig(JOB, false));
        LOG.info(() -> "The retention purge runs daily at " + at + " (" + UkTime.ZONE.getId() + ")");
    }

    /** The container's timer callback: no one is signed in, so it is open to the container alone (not public). */
    @Timeout
    @PermitAll
    void daily(Timer timer) {
        try {
            PurgeRun run = execute(LocalDate.now(clock.withZone(UkTime.ZONE)));
            LOG.info(() -> run.ran() ? "Retention purge for " + run.day() + ": " + run.purged()
                    : "Retention purge for " + run.day() + " already run by another node");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The retention purge failed; its day is released for another try", e);
        }
    }

    /** Runs the purge for {@code day}, unless some call on some node has run it already. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    @Lock(LockType.READ)
    public PurgeRun run(LocalDate day) {
        return execute(day);
    }

    private PurgeRun execute(LocalDate day) {
        return ClaimedDay.run(claims, transaction, JOB, day, () -> {
            Map<String, Integer> purged = work.purge(day, clock.instant());
            purged.forEach((key, count) -> audit.fire(AuditEvent.of("RETENTION_PURGED", "RetentionClass", key,
                    count + " records due on " + day)));
            return purged;
        }, purged -> purged.values().stream().mapToInt(Integer::intValue).sum() + " records")
                .map(purged -> new PurgeRun(day, true, purged)).orElseGet(() -> new PurgeRun(day, false, Map.of()));
    }
}
