package org.peersupport.portal.candidate.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.PlaceRequestStatus;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code learning/cohorts.xhtml?search=&page=}: the cohorts staff may ask for a place on, {@value #PAGE_SIZE}
 * to a page (paged in the database) and narrowed by a search, with a request form each, and the caller's own requests with the coordinator's
 * decision. The lists are read again when the view is restored; the
 * cohorts keep the order they were first shown in, so a typed message stays with its cohort.
 */
@Named
@ViewScoped
public class OpenCohortsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Open cohorts on one page. */
    public static final int PAGE_SIZE = 20;

    /** The longest message the boundary takes. */
    public static final int MAX_MESSAGE = 2000;

    private final SessionBeanRef<Cohorts> cohorts = SessionBeanRef.of(Cohorts.class);

    private final SessionBeanRef<PlaceRequests> placeRequests = SessionBeanRef.of(PlaceRequests.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    @Inject
    LessonAccess access;

    private final List<Long> order = new ArrayList<>();
    private final Map<Long, String> requestMessages = new HashMap<>();
    private final Map<Long, String> errors = new HashMap<>();

    private String search;
    private Integer page;
    private transient ResultPage<CohortSummary> pager;
    private transient List<CohortSummary> open;
    private transient Set<Long> mine;
    private transient List<MyPlaceRequest> requests;

    public List<CohortSummary> getCohorts() {
        if (open == null) {
            pager = cohorts.get().openCohortPage(search, page == null ? 1 : page, PAGE_SIZE);
            List<CohortSummary> read = pager.rows();
            if (order.isEmpty()) {
                read.forEach(c -> order.add(c.id()));
            }
            Map<Long, CohortSummary> byId = new HashMap<>();
            read.forEach(c -> byId.put(c.id(), c));
            List<CohortSummary> list = new ArrayList<>();
            for (Long id : order) {
                if (byId.containsKey(id)) {
                    list.add(byId.remove(id));
                }
            }
            read.stream().filter(c -> byId.containsKey(c.id())).forEach(list::add);
            open = list;
        }
        return open;
    }

    /** Which page of the open cohorts this is, and how many there are. */
    public ResultPage<CohortSummary> getPager() {
        getCohorts();
        return pager;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search.strip();
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public List<MyPlaceRequest> getRequests() {
        if (requests == null) {
            requests = placeRequests.get().myPlaceRequests();
        }
        return requests;
    }

    /** Whether the caller is on this cohort already, in any status. */
    /** Whether the cohort has had its first day already: someone joining now would join it partway through. */
    public boolean running(CohortSummary cohort) {
        return cohort.startDate().isBefore(access.now().toLocalDate());
    }

    public boolean onCohort(long cohortId) {
        if (mine == null) {
            mine = placeRequests.get().myCohortIds();
        }
        return mine.contains(cohortId);
    }

    /** Whether the caller is waiting for a coordinator's answer about this cohort. */
    public boolean pending(long cohortId) {
        return getRequests().stream().anyMatch(r -> r.cohortId() == cohortId && r.status() == PlaceRequestStatus.PENDING);
    }

    public Map<Long, String> getMessage() {
        return requestMessages;
    }

    public String error(long cohortId) {
        return errors.get(cohortId);
    }

    public String request(long cohortId) {
        errors.clear();
        String message = requestMessages.get(cohortId);
        if (message != null && message.length() > MAX_MESSAGE) {
            errors.put(cohortId, messages.text("placeRequest.long"));
            return null;
        }
        String name = getCohorts().stream().filter(c -> c.id() == cohortId).map(CohortSummary::name).findFirst().orElse("");
        try {
            placeRequests.get().requestPlace(cohortId, message);
        } catch (BusinessException e) {
            errors.put(cohortId, messages.text(e));
            open = null;
            requests = null;
            mine = null;
            return null;
        }
        messages.info(null, "placeRequest.sent", name);
        return "cohorts?faces-redirect=true&includeViewParams=true";
    }
}
