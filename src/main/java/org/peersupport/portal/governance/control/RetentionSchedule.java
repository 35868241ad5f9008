package org.peersupport.portal.governance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;
import org.peersupport.portal.platform.control.RetentionRule;
import org.peersupport.portal.platform.control.UkTime;

/**
 * The retention schedule: every feature's rules, in the feature order, each with the period that applies here (the
 * feature's default, or the one {@code portal.retention.periods} gives). A key there that names no rule is an error,
 * so a misspelt key does not leave a default silently in force.
 */
@ApplicationScoped
public class RetentionSchedule {

    /** One line of the schedule. */
    public record Entry(String feature, RetentionRule rule, Period period, boolean configured) implements Serializable {

        public String key() {
            return rule.key();
        }

        /**
         * The instant before which a record's start event makes it due on {@code day}: a record whose start fell on
         * a UK day {@code d} is due on {@code d} plus the period.
         */
        public Instant dueBefore(LocalDate day) {
            return day.minus(period).plusDays(1).atStartOfDay(UkTime.ZONE).toInstant();
        }

        /** The day a record whose start event was at {@code started} falls due. */
        public LocalDate dueOn(Instant started) {
            return started.atZone(UkTime.ZONE).toLocalDate().plus(period);
        }
    }

    @Inject
    SubjectAccessExports exports;

    @Inject
    PortalConfig config;

    public List<Entry> entries() {
        Map<String, Period> configured = RetentionRule.parsePeriods(config.value(PortalSetting.RETENTION_PERIODS)
                .orElse(null));
        List<Entry> entries = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (PersonalData feature : exports.features()) {
            for (RetentionRule rule : feature.retention()) {
                Period period = configured.get(rule.key());
                entries.add(new Entry(feature.feature(), rule, period == null ? rule.defaultPeriod() : period,
                        period != null));
                keys.add(rule.key());
            }
        }
        List<String> unknown = configured.keySet().stream().filter(k -> !keys.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(PortalSetting.RETENTION_PERIODS + " names " + unknown
                    + ", which no retention rule has; the rules are " + keys);
        }
        return entries;
    }
}
