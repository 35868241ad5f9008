package org.peersupport.portal.reporting.entity;

import java.time.LocalDate;
import java.util.List;

/** The values the dashboard's filters offer: those that occur among enrolled people and courses with cohorts. */
public record FilterOptions(List<String> organisations, List<String> departments, boolean someWithoutDepartment,
        List<CourseOption> courses, List<CohortOption> cohorts) {

    /** A course by code, with its latest title. */
    public record CourseOption(String code, String title) {
    }

    /** A cohort of the chosen course. */
    public record CohortOption(long id, String name, LocalDate startDate) {
    }
}
