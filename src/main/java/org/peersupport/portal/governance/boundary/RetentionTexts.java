package org.peersupport.portal.governance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.portal.governance.control.RetentionSchedule;
import org.peersupport.portal.platform.boundary.Messages;

/**
 * The retention schedule in words, for the governance role's retention page and the privacy notice anyone reads:
 * the schedule in force (with the organisation's own periods) and a period as people say it.
 */
@Named
@RequestScoped
public class RetentionTexts {

    @Inject
    Messages messages;

    @Inject
    RetentionSchedule schedule;

    private List<RetentionSchedule.Entry> entries;

    /** The schedule in force: not personal data, so anyone may read it. */
    public List<RetentionSchedule.Entry> getSchedule() {
        if (entries == null) {
            entries = schedule.entries();
        }
        return entries;
    }

    /** A period in words: "6 years", "18 months", "1 year and 6 months". */
    public String period(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(messages.text("retention.period.years", period.getYears()));
        }
        if (period.getMonths() != 0) {
            parts.add(messages.text("retention.period.months", period.getMonths()));
        }
        if (period.getDays() != 0) {
            parts.add(messages.text("retention.period.days", period.getDays()));
        }
        return String.join(messages.text("retention.period.and"), parts);
    }
}
