package org.peersupport.portal.assessment.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.peersupport.portal.platform.boundary.ResultPage;

/** Backs {@code supervisor/queue.xhtml?page=} (work waiting for review) and the queue card of the supervisor's home. */
@Named
@RequestScoped
public class SupervisorQueuePage {

    @Inject
    Reviews reviews;

    private int page = 1;
    private ResultPage<QueueLine> queue;
    private QueueSummary summary;

    public ResultPage<QueueLine> getQueue() {
        if (queue == null) {
            queue = reviews.queue(page);
        }
        return queue;
    }

    public QueueSummary getSummary() {
        if (summary == null) {
            summary = reviews.queueSummary();
        }
        return summary;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }
}
