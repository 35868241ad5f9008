package org.peersupport.portal.portfolio.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.peersupport.portal.platform.boundary.ResultPage;

/** Backs {@code candidate/reads.xhtml?page=}: who has read the candidate's work. */
@Named
@RequestScoped
public class ReadsPage {

    @Inject
    ReadsOfMyWork reads;

    private int page = 1;
    private ResultPage<ReadsOfMyWork.Read> result;

    public ResultPage<ReadsOfMyWork.Read> getReads() {
        if (result == null) {
            result = reads.mine(page);
        }
        return result;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }
}
