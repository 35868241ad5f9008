package org.peersupport.portal.portfolio.boundary;

import java.util.List;

/**
 * What the candidate needs to submit a task: the task, their items to choose from (a testimony the witness has not
 * confirmed cannot be chosen), and the submission waiting for review, if any (then nothing can be submitted).
 */
public record SubmitForm(PortfolioHeading heading, long taskId, String taskCode, String taskTitle, String taskDescription,
        List<ItemLine> items, SubmissionLine open, int nextAttempt) {
}
