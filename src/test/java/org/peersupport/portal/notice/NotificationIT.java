package org.peersupport.portal.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.candidate.boundary.Allocations;
import org.peersupport.portal.candidate.boundary.DailyReminder;
import org.peersupport.portal.candidate.boundary.PlaceRequests;
import org.peersupport.portal.candidate.boundary.ReminderRun;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.notice.boundary.NoticeList;
import org.peersupport.portal.notice.boundary.NoticeView;
import org.peersupport.portal.notice.boundary.Notices;
import org.peersupport.portal.notice.entity.NoticeKind;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsCoordinator;
import org.peersupport.portal.support.AsSupervisor;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.Mailbox;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.Sql;
import org.peersupport.portal.support.TestCohorts;

/**
 * Issue 5, notifications: notices in the portal and by email (to the real SMTP server GreenMail, read back over
 * IMAP), only after commit, and the daily overdue reminder, once per day however it is called. Inside Payara Micro
 * on PostgreSQL with the demo directory; each test makes its own cohorts.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationIT {

    private static final String AMARA = AsCandidate.ACCOUNT.username();
    private static final String AMARA_EMAIL = "amara.okafor@northshire-demo.nhs.example";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(NotificationIT.class, NoticeProbe.class, TestCohorts.class,
                Mailbox.class, Mailbox.Mail.class, Sql.class, DemoAccount.class));
    }


    @Inject
    PlaceRequests placeRequests;

    @Inject
    Notices notices;

    @Inject
    Allocations allocations;

    @Inject
    DailyReminder reminder;

    @Inject
    AsCandidate asCandidate;

    @Inject
    AsCoordinator asCoordinator;

    @Inject
    AsSupervisor asSupervisor;

    @Inject
    NoticeProbe probe;

    @Inject
    TestCohorts cohorts;

    @Inject
    Sql sql;

    @Test
    void issue5_aDeclinedPlaceRequestIsANoticeInTheRequestersListAndAnEmailWithTheReason() throws Exception {
        long cohort = cohorts.cohort(false);
        String name = cohorts.name(cohort);
        long unreadBefore = asCandidate.call(() -> notices.unreadCount());
        long request = asCandidate.call(() -> placeRequests.requestPlace(cohort, "My manager agreed"));
        String reason = "This cohort is for the inpatient team " + UUID.randomUUID();
        asCoordinator.run(() -> placeRequests.decline(request, reason));

        NoticeList mine = asCandidate.call(() -> notices.mine(1));
        NoticeView notice = mine.notices().get(0);
        assertEquals(NoticeKind.PLACE_DECLINED, notice.kind(), "the newest notice is the decision");
        assertEquals("Your request for a place on " + name + " was declined", notice.title());
        assertEquals("Your request for a place on " + name + " was declined. The training coordinator said: " + reason,
                notice.text());
        assertFalse(notice.read());
        assertEquals(unreadBefore + 1, asCandidate.call(() -> notices.unreadCount()));

        List<Mailbox.Mail> mails = Mailbox.waitFor(AMARA_EMAIL, m -> m.body().contains(reason), MAIL_WAIT);
        assertEquals(1, mails.size(), "one email with the reason arrives");
        Mailbox.Mail mail = mails.get(0);
        assertEquals(notice.title(), mail.subject());
        assertTrue(mail.to().contains("Amara Okafor") && mail.to().contains(AMARA_EMAIL), mail.to());
        assertTrue(mail.from().contains("portal@northshire-demo.nhs.example"), mail.from());
        assertTrue(mail.body().contains("Sign in to the Peer Support Training Portal to read it."), mail.body());
        assertEquals("auto-generated", mail.autoSubmitted(), "out-of-office replies are not sent back");

        BusinessException notHers = assertThrows(BusinessException.class,
                () -> asCoordinator.call(() -> notices.markRead(notice.id())));
        assertEquals("notice.notFound", notHers.key(), "another person's notice reads as no such notice");
        asCandidate.call(() -> notices.markRead(notice.id()));
        assertTrue(asCandidate.call(() -> notices.mine(1)).notices().get(0).read());
        assertEquals(unreadBefore, asCandidate.call(() -> notices.unreadCount()));
        assertEquals(1, sql.count("select count(*) from audit_entry where action = 'NOTICE_READ' and subject_id = ?",
                String.valueOf(notice.id())));

        long second = asCandidate.call(() -> placeRequests.requestPlace(cohort, null));
        asCoordinator.call(() -> placeRequests.approve(second));
        NoticeView approved = asCandidate.call(() -> notices.mine(1)).notices().get(0);
        assertEquals(NoticeKind.PLACE_APPROVED, approved.kind());
        assertEquals("Your place on " + name + " is confirmed", approved.title());
        assertEquals("/home.xhtml", approved.link());
        assertTrue(asCandidate.call(() -> notices.markAllRead()) >= 1);
        assertEquals(0, asCandidate.call(() -> notices.unreadCount()));
    }

    @Test
    void issue14_everyTrainingCoordinatorIsToldOfAPlaceRequestInTheirNoticesAndByEmailWithoutTheRequestersMessage()
            throws Exception {
        long cohort = cohorts.cohort(false);
        String name = cohorts.name(cohort);
        String message = "My manager agreed on " + UUID.randomUUID();
        String title = "Amara Okafor asked for a place on " + name;
        try {
            asCandidate.call(() -> placeRequests.requestPlace(cohort, message));

            // the coordinators in the demo directory's group: Sana (through her notices) and Morgan
            NoticeView sanas = asCoordinator.call(() -> notices.mine(1)).notices().stream()
                    .filter(n -> n.title().equals(title)).findFirst().orElseThrow();
            assertEquals(NoticeKind.PLACE_REQUESTED, sanas.kind());
            assertTrue(sanas.text().startsWith(title + " (Peer2Peer"), sanas.text());
            assertTrue(sanas.text().endsWith("Approve or decline the request on the cohort's page."), sanas.text());
            assertFalse(sanas.text().contains(message), "the requester's message stays on the cohort's page");
            assertEquals("/coordinator/cohort.xhtml?id=" + cohort + "#requests-heading", sanas.link());
            assertFalse(sanas.read());
            assertEquals(List.of(1L, 1L), List.of(placeRequestedNotices("sana.iqbal", title),
                    placeRequestedNotices("morgan.price", title)), "each coordinator is told once");
            assertEquals(0, placeRequestedNotices(AMARA, title), "the requester is not a coordinator");

            for (String coordinator : List.of("sana.iqbal", "morgan.price")) {
                List<Mailbox.Mail> mails = Mailbox.waitFor(coordinator + "@northshire-demo.nhs.example",
                        m -> m.subject().equals(title), MAIL_WAIT);
                assertEquals(1, mails.size(), coordinator + " receives one email");
                assertTrue(mails.get(0).body().startsWith(sanas.text()), mails.get(0).body());
                assertFalse(mails.get(0).body().contains(message), "the message is not emailed");
            }

            // a coordinator asking for a place themselves: the other coordinators are told, not they
            String theirs = "Sana Iqbal asked for a place on " + name;
            asCoordinator.call(() -> placeRequests.requestPlace(cohort, null));
            assertEquals(List.of(0L, 1L), List.of(placeRequestedNotices("sana.iqbal", theirs),
                    placeRequestedNotices("morgan.price", theirs)));
        } finally {
            sql.update("delete from notice where kind = 'PLACE_REQUESTED' and link like ?",
                    "/coordinator/cohort.xhtml?id=" + cohort + "#%");
        }
    }

    @Test
    void issue5_aChangeThatRollsBackLeavesNoNoticeAndSendsNoEmail() throws Exception {
        String rolledBack = "Rolled back " + UUID.randomUUID();
        String committed = "Committed " + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> probe.notifyThenFail(AMARA, rolledBack));
        assertTrue(probe.mailAskedFor(rolledBack), "the rolled-back change asked for an email: it would show if sent");
        probe.notifyAndCommit(AMARA, committed);

        // The mailer hands each email to the server's managed executor, whose tasks wait in one queue for its one
        // worker (core pool 0, unbounded queue), so emails go out in the order they were handed over. An email for the
        // rolled-back change would have been handed over before the committed change's: once that one has arrived,
        // the other would be in the inbox too.
        assertEquals(1, Mailbox.waitFor(AMARA_EMAIL, m -> m.subject().equals(committed), MAIL_WAIT).size(),
                "the committed change's email arrives");
        assertTrue(Mailbox.of(AMARA_EMAIL).stream().noneMatch(m -> m.subject().equals(rolledBack)),
                "the rolled-back change's email never does");
        assertEquals(0, sql.count("select count(*) from notice where title = ?", rolledBack));
        assertEquals(1, sql.count("select count(*) from notice where title = ?", committed));
    }

    @Test
    void issue5_theDailyReminderRunsOncePerDayWhenCalledTwiceOrInARaceAndTellsEachOverdueCandidateAndSupervisorOnce()
            throws Exception {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        long cohort = cohorts.cohort(true);
        String name = cohorts.name(cohort);
        long dylan = cohorts.enrol(cohort, "dylan.hughes", EnrolmentStatus.ACTIVE);
        long jo = cohorts.enrol(cohort, "jo.lee");
        long priya = cohorts.enrol(cohort, "priya.raman", EnrolmentStatus.ACTIVE, EnrolmentStatus.PAUSED);
        long helen = cohorts.enrol(cohort, "helen.shaw", EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED);
        // the supervisor's cap is shared by every test class: put back as found
        Object capFound = sql.rows("select (select p.caseload_cap from supervisor_profile p join person s "
                + "on s.id = p.person_id where lower(s.username) = ?) as cap", AsSupervisor.ACCOUNT.username()).get(0).get("cap");
        asCoordinator.run(() -> allocations.setCaseloadCap(AsSupervisor.ACCOUNT.username(), 1000));
        try {
            asCoordinator.run(() -> allocations.allocate(dylan, AsSupervisor.ACCOUNT.username(), "test"));
        } finally {
            if (capFound == null) {
                sql.update("delete from supervisor_profile where person_id = (select id from person where lower(username) = ?)",
                        AsSupervisor.ACCOUNT.username());
            } else {
                sql.update("update supervisor_profile set caseload_cap = ?, version = version + 1 "
                        + "where person_id = (select id from person where lower(username) = ?)", capFound,
                        AsSupervisor.ACCOUNT.username());
            }
        }
        for (long id : List.of(dylan, jo, priya, helen)) {
            sql.update("update enrolment set expected_end_date = ? where id = ?", Date.valueOf(day.minusDays(1)), id);
        }

        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReminderRun>> racing = List.of(1, 2).stream().map(i -> executor.submit(() -> {
            start.await();
            return asCoordinator.call(() -> reminder.run(day));
        })).toList();
        start.countDown();
        List<ReminderRun> runs = List.of(racing.get(0).get(), racing.get(1).get());
        assertEquals(1, runs.stream().filter(ReminderRun::ran).count(), "exactly one of two racing calls runs: " + runs);
        assertEquals(3, runs.stream().mapToInt(ReminderRun::notices).sum(), "Dylan, his supervisor and Jo: " + runs);
        assertFalse(asCoordinator.call(() -> reminder.run(day)).ran(), "a later call the same day does nothing");

        assertEquals(1, overdueNotices(dylan, day, "dylan.hughes"));
        assertEquals(1, overdueNotices(dylan, day, AsSupervisor.ACCOUNT.username()), "his allocated supervisor");
        assertEquals(1, overdueNotices(jo, day, "jo.lee"));
        assertEquals(0, overdueNotices(priya, day, "priya.raman"), "a paused enrolment's clock is stopped");
        assertEquals(0, overdueNotices(helen, day, "helen.shaw"), "a completed enrolment is not overdue");
        assertEquals(1, sql.count("select count(*) from job_run where job = ? and run_date = ? and finished_at is not null",
                DailyReminder.JOB, Date.valueOf(day)));

        NoticeView supervisorsNotice = asSupervisor.call(() -> notices.mine(1)).notices().stream()
                .filter(n -> n.text().contains(name)).findFirst().orElseThrow();
        assertEquals(NoticeKind.OVERDUE, supervisorsNotice.kind());
        assertEquals("Dylan Hughes is past their expected end date", supervisorsNotice.title());
        assertEquals("/supervisor/index.xhtml", supervisorsNotice.link());
        List<Mailbox.Mail> mails = Mailbox.waitFor("dylan.hughes@northshire-demo.nhs.example",
                m -> m.body().contains(name), MAIL_WAIT);
        assertEquals(1, mails.size(), "one email for the day");
        assertTrue(mails.get(0).body().contains("was expected to end on " + day.minusDays(1).getDayOfMonth()), mails.get(0).body());

        ReminderRun nextDay = asCoordinator.call(() -> reminder.run(day.plusDays(1)));
        assertTrue(nextDay.ran(), "the next day runs again");
        assertEquals(1, overdueNotices(dylan, day.plusDays(1), "dylan.hughes"), "and reminds again, once");
    }

    private long placeRequestedNotices(String username, String title) throws Exception {
        return sql.count("select count(*) from notice n join person p on p.id = n.recipient_id where n.kind = 'PLACE_REQUESTED' "
                + "and n.title = ? and lower(p.username) = ?", title, username);
    }

    private long overdueNotices(long enrolmentId, LocalDate day, String username) throws Exception {
        return sql.count("select count(*) from notice n join person p on p.id = n.recipient_id where n.kind = 'OVERDUE' "
                + "and n.once_key = ? and lower(p.username) = ?", "OVERDUE:" + enrolmentId + ":" + day, username);
    }
}
