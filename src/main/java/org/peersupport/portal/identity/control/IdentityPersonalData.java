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
}
