package org.peersupport.portal.assessment.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Backs {@code supervisor/queue.xhtml?page=} (work waiting for review) and the queue card of the supervisor's home. */
@Named
@RequestScoped
public class SupervisorQueuePage {

    @Inject
    Reviews reviews;

    private int page;
    private QueuePage queue;
    private QueueSummary summary;

    public QueuePage getQueue() {
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
        this.page = Math.max(0, page);
    }
}
