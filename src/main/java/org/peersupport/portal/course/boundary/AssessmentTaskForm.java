package org.peersupport.portal.course.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The fields of an assessment task, as {@link StructurePage} edits them. */
public class AssessmentTaskForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String title;
    private String description;
    private Integer setAt;
    private Integer dueAt;
    private List<String> outcomes = new ArrayList<>();
    private long version;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getSetAt() {
        return setAt;
    }

    public void setSetAt(Integer setAt) {
        this.setAt = setAt;
    }

    public Integer getDueAt() {
        return dueAt;
    }

    public void setDueAt(Integer dueAt) {
        this.dueAt = dueAt;
    }

    public List<String> getOutcomes() {
        return outcomes;
    }

    public void setOutcomes(List<String> outcomes) {
        this.outcomes = outcomes;
    }

    public long getVersion() {
        return version;
    }

    void setVersion(long version) {
        this.version = version;
    }
}
