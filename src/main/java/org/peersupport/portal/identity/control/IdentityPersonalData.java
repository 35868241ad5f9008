package org.peersupport.portal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/** What the identity feature holds about a person: the profile copied from the directory, and sign-in throttling. */
@ApplicationScoped
public class IdentityPersonalData implements PersonalData {

    @Override
    public String feature() {
        return "identity";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(
                PersonalRecordClass.self("profile", List.of("person"), """
                        select id as person_key, username, display_name, email, job_title, department, organisation,
                               line_manager, created_at, last_sign_in_at, username_released_at
                        from person where id = :person"""),
                PersonalRecordClass.self("signInThrottle", List.of("sign_in_throttle"), null));
    }

    /**
     * The person row keeps the key that the audit trail and the training record point at, and the department and
     * organisation HR's completion figures count by; it loses the name, username, email, job title, line manager
     * and the directory's id (so a later sign-in by the same account starts a new person).
     */
    @Override
    public List<String> erasure() {
        return List.of("""
                delete from sign_in_throttle where throttle_key = 'account:' || lower(:username)""", """
                update person set username = :erased, display_name = :erasedName, email = null, job_title = null,
                                  line_manager = null, directory_id = null,
                                  username_released_at = coalesce(username_released_at, current_timestamp),
                                  erased_at = current_timestamp, version = version + 1
                where id = :person""");
    }
}
