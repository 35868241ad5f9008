package org.peersupport.portal.reporting.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.reporting.entity.Dashboard;
import org.peersupport.portal.reporting.entity.FilterOptions;
import org.peersupport.portal.reporting.entity.Measure;
import org.peersupport.portal.reporting.entity.MonthCount;
import org.peersupport.portal.reporting.entity.StatusCounts;

/**
 * Backs {@code hr/dashboard.xhtml}: the filters come from the URL (a plain GET form), so a view can be bookmarked
 * and shared; every figure links to the people behind it. Request-scoped: the page has no postbacks.
 */
@Named
@RequestScoped
public class DashboardPage extends ReportPage {

    private static final DateTimeFormatter MONTH = UkTime.MONTH_SHORT;
    /** Measures in the order the tables show them. */
    static final List<Measure> COLUMNS = List.of(Measure.ENROLLED, Measure.NOT_STARTED, Measure.ACTIVE, Measure.PAUSED,
            Measure.OVERDUE, Measure.WITHDRAWN, Measure.DEFERRED, Measure.COMPLETED, Measure.COMPLETED_THIS_YEAR);
    /** The statuses the department chart stacks: each place is in exactly one. */
    static final List<Measure> STACKED = List.of(Measure.NOT_STARTED, Measure.ACTIVE, Measure.PAUSED, Measure.WITHDRAWN,
            Measure.DEFERRED, Measure.COMPLETED);
    private static final String[] COLOURS = {"#4b5a65", "#00526e", "#b36b00", "#8a0b17", "#6f4c9b", "#1d6b32"};

    @Inject
    Reports reports;

    @Inject
    KeptFigures kept;

    private Dashboard dashboard;
    private KeptFigures.Figures keptFigures;
    private FilterOptions options;

    public void load() {
        boolean ok = readParameters();
        options = reports.filterOptions(filter);
        if (ok) {
            dashboard = reports.dashboard(filter);
        }
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public FilterOptions getOptions() {
        return options;
    }

    public List<Measure> getColumns() {
        return COLUMNS;
    }

    /** The people behind a figure of a course's row (or of the total row, with a null course). */
    public String peopleUrl(String measureName, String courseCode) {
        return url("/hr/people.xhtml", courseCode == null ? filterParameters("measure", measureName)
                : filterParameters("course", courseCode, "measure", measureName));
    }

    /** The people behind a figure of a department's row. */
    public String departmentUrl(String measureName, String departmentValue) {
        return url("/hr/people.xhtml", filterParameters("department", departmentValue, "measure", measureName));
    }

    /** The people who completed in a month. */
    public String monthUrl(YearMonth value) {
        return url("/hr/people.xhtml", filterParameters("measure", Measure.COMPLETED.parameter(), "month", value));
    }

    public String exportUrl(String report, String extension) {
        return url("/hr/export/" + report + "." + extension, filterParameters());
    }

    public String monthName(YearMonth value) {
        return MONTH.format(value);
    }

    /** Where {@code part} of the page is kept rendered for these figures and this filter (see {@link KeptFigures}). */
    public String keptAs(String part) {
        return kept().key(part, exportUrl("completion", "csv"));
    }

    public String getCompletionsChart() {
        return kept().chart("completions", this::completionsChart);
    }

    public String getDepartmentsChart() {
        return kept().chart("departments", this::departmentsChart);
    }

    private KeptFigures.Figures kept() {
        if (keptFigures == null) {
            keptFigures = kept.of(dashboard);
        }
        return keptFigures;
    }

    private String completionsChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (MonthCount m : dashboard.completionsByMonth()) {
            labels.add(MONTH.format(m.month()));
            data.add(m.completions());
        }
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", messages.text("report.chart.completions.series"))
                .add("data", data).add("backgroundColor", "#1d6b32");
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", options(false)).build().toString();
    }

    private String departmentsChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        for (StatusCounts d : dashboard.departments()) {
            labels.add(departmentName(d.key()));
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < STACKED.size(); i++) {
            Measure m = STACKED.get(i);
            JsonArrayBuilder data = Json.createArrayBuilder();
            dashboard.departments().forEach(d -> data.add(d.count(m)));
            datasets.add(Json.createObjectBuilder().add("label", messages.text("report.measure." + m.parameter()))
                    .add("data", data).add("backgroundColor", COLOURS[i]));
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options(true)).build().toString();
    }

    private static JsonObjectBuilder options(boolean stacked) {
        JsonObjectBuilder axis = Json.createObjectBuilder().add("stacked", stacked).add("beginAtZero", true);
        JsonObjectBuilder scales = Json.createObjectBuilder().add("x", axis).add("y", Json.createObjectBuilder()
                .add("stacked", stacked).add("beginAtZero", true));
        JsonObjectBuilder options = Json.createObjectBuilder().add("animation", false).add("responsive", true)
                .add("maintainAspectRatio", false).add("scales", scales);
        if (stacked) {
            options.add("indexAxis", "y");
        }
        return options;
    }
}
