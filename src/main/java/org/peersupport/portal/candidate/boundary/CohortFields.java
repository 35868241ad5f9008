package org.peersupport.portal.candidate.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import org.peersupport.portal.candidate.entity.CohortDetails;

/**
 * The fields of a cohort's details as a form holds them (name, dates, where, who, places and attendance threshold):
 * what the "New cohort" form ({@link CohortsPage}) and an existing cohort's details form ({@link CohortDetailsForm})
 * share, with {@code WEB-INF/templates/cohort-detail-fields.xhtml}.
 */
public abstract class CohortFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private LocalDate startDate;
    private LocalDate endDate;
    private String venue;
    private String onlineLink;
    private String facilitators;
    private Integer capacity;
    private Integer threshold;

    /** The details as typed, for the boundary (no capacity typed is none). */
    protected CohortDetails details() {
        return new CohortDetails(name, startDate, endDate, venue, onlineLink, facilitators, capacity == null ? 0 : capacity,
                threshold);
    }

    /** The fields as the cohort has them. */
    protected void fill(CohortView c) {
        name = c.name();
        startDate = c.startDate();
        endDate = c.endDate();
        venue = c.venue();
        onlineLink = c.onlineLink();
        facilitators = c.facilitators();
        capacity = c.capacity();
        threshold = c.attendanceThreshold();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public String getVenue() { return venue; }
    public void setVenue(String venue) { this.venue = venue; }
    public String getOnlineLink() { return onlineLink; }
    public void setOnlineLink(String onlineLink) { this.onlineLink = onlineLink; }
    public String getFacilitators() { return facilitators; }
    public void setFacilitators(String facilitators) { this.facilitators = facilitators; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public Integer getThreshold() { return threshold; }
    public void setThreshold(Integer threshold) { this.threshold = threshold; }
}
