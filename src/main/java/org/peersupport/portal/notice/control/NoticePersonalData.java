package org.peersupport.portal.notice.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;
import org.peersupport.portal.platform.control.RetentionRule;

/** What the notice feature holds about a person: the notices sent to them, in the portal and by email. */
@ApplicationScoped
public class NoticePersonalData implements PersonalData {

    @Override
    public String feature() {
        return "notice";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(PersonalRecordClass.self("notices", List.of("notice"), """
                select created_at, kind, title, text, read_at
                from notice where recipient_id = :person
                order by created_at, id"""));
    }

    /** A notice is a passing message: it goes a year after it was sent, read or not. */
    @Override
    public List<RetentionRule> retention() {
        return List.of(new RetentionRule("notices", Period.ofYears(1), """
                select n.id as record_id, n.recipient_id as person_id, cast(null as bigint) as other_person_id,
                       cast(null as bigint) as enrolment_id, n.created_at as started_at
                from notice n""", List.of("""
                delete from notice where id = any(cast(? as bigint[]))""")));
    }

    /** Their notices go, and any other notice that names them. */
    @Override
    public List<String> erasure() {
        return List.of("""
                delete from notice
                where recipient_id = :person or position(:name in title) > 0 or position(:name in text) > 0""");
    }
}
