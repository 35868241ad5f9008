package org.peersupport.portal.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.time.LocalDate;

/**
 * Lets a scheduled job run once per day however many nodes run it: a node claims the day by inserting a
 * {@code job_run} row, committed in its own transaction before the work starts. The primary key on (job, day)
 * lets exactly one insert through; a node whose insert finds the row taken skips the run. A run that fails
 * releases its claim, so a later call may try again.
 */
@ApplicationScoped
public class JobClaims {

    @PersistenceContext
    EntityManager em;

    /** True if this call claimed the day for the job; false if another call (on any node) has it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, LocalDate day) {
        return em.createNativeQuery("insert into job_run (job, run_date, node, started_at) "
                + "values (?1, ?2, ?3, current_timestamp) on conflict do nothing")
                .setParameter(1, job).setParameter(2, Date.valueOf(day)).setParameter(3, node())
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String job, LocalDate day, String outcome) {
        em.createNativeQuery("update job_run set finished_at = current_timestamp, outcome = ?3 "
                + "where job = ?1 and run_date = ?2")
                .setParameter(1, job).setParameter(2, Date.valueOf(day)).setParameter(3, outcome).executeUpdate();
    }

    /** Gives the day back after a failed run. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job, LocalDate day) {
        em.createNativeQuery("delete from job_run where job = ?1 and run_date = ?2 and finished_at is null")
                .setParameter(1, job).setParameter(2, Date.valueOf(day)).executeUpdate();
    }

    private static String node() {
        // "pid@host", which names the node in the log and the job_run row
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
