package org.peersupport.portal.course.boundary;

/** A published course as staff see it in the list of courses. */
public record CourseSummary(long courseId, String code, String title, String summary, int versionNumber,
        String versionLabel, String awardName, Integer scqfLevel, Integer credits, int sessionCount) {
}
