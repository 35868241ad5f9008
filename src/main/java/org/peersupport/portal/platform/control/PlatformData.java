package org.peersupport.portal.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** The platform's own tables, which hold nothing about a person. */
@ApplicationScoped
public class PlatformData implements PersonalData {

    @Override
    public String feature() {
        return "platform";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of();
    }

    @Override
    public Map<String, String> otherTables() {
        return Map.of(
                "flyway_schema_history", "the database's migration history",
                "job_run", "which node ran a daily job on which day (a node's host name, never a person)");
    }
}
