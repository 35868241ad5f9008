package org.peersupport.portal.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/**
 * What the reporting feature holds about a person: one line per place, copied from the candidate feature's records
 * for HR's figures (V11). It is derived: the enrolment, attendance and completion it copies are the record.
 */
@ApplicationScoped
public class ReportingPersonalData implements PersonalData {

    @Override
    public String feature() {
        return "reporting";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(PersonalRecordClass.self("placeReport", List.of("place_report"), """
                select course_code, cohort_start, organisation, department, status, due_date, completed_at,
                       days_to_complete
                from place_report where person_id = :person
                order by cohort_start, enrolment_id"""));
    }

    @Override
    public Map<String, String> otherTables() {
        return Map.of("report_change", "a count of changes to what HR's figures are computed from (V22): counts only");
    }
}
