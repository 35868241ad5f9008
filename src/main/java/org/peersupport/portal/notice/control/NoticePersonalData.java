package org.peersupport.portal.notice.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

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
}
