package org.peersupport.portal.reporting.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.YearMonth;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.reporting.entity.Measure;
import org.peersupport.portal.reporting.entity.PeopleList;

/**
 * Backs {@code hr/people.xhtml}: the people behind one dashboard figure, with the dashboard's filters, the figure
 * ({@code measure}) and an optional completion {@code month} in the URL; paged in the database.
 */
@Named
@RequestScoped
public class PeoplePage extends ReportPage {

    static final int PAGE_SIZE = 50;

    @Inject
    Reports reports;

    private String page;
    private Measure chosen = Measure.ENROLLED;
    private YearMonth chosenMonth;
    private PeopleList people;

    public void load() {
        boolean ok = readParameters();
        chosen = parameters.measure();
        chosenMonth = parameters.month();
        if (ok) {
            people = reports.people(filter, chosen, chosenMonth, pageNumber(), PAGE_SIZE);
        }
    }

    private int pageNumber() {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public PeopleList getPeople() {
        return people;
    }

    public String getMeasureLabel() {
        return messages.text("report.measure." + chosen.parameter());
    }

    public YearMonth getChosenMonth() {
        return chosenMonth;
    }

    public String monthName() {
        return chosenMonth == null ? null : chosenMonth.atDay(1).format(UkTime.MONTH);
    }

    private java.util.Map<String, Object> here(Object... more) {
        java.util.Map<String, Object> query = filterParameters("measure", chosen.parameter(), "month", chosenMonth);
        for (int i = 0; i + 1 < more.length; i += 2) {
            query.put((String) more[i], more[i + 1]);
        }
        return query;
    }

    /** Another page of this list (numbered from 1, as people count). */
    public String pageUrl(int number) {
        return url("/hr/people.xhtml", here("page", number));
    }

    public String exportUrl(String extension) {
        return url("/hr/export/people." + extension, here());
    }

    public String getDashboardUrl() {
        return url("/hr/dashboard.xhtml", filterParameters());
    }

    public String staffUrl(long personId) {
        return faces.getExternalContext().getRequestContextPath() + "/hr/staff.xhtml?person=" + personId;
    }

    /** The filters in force, in words, for the page's summary. */
    public String getFilterSummary() {
        return ReportExports.describe(java.util.ResourceBundle.getBundle(org.peersupport.portal.platform.boundary.Messages.BUNDLE,
                java.util.Locale.UK), filter);
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
