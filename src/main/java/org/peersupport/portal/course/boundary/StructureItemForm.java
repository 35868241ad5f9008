package org.peersupport.portal.course.boundary;

import java.io.Serializable;

/**
 * The fields of a unit (code, title as text), an outcome or an evidence requirement, as {@link StructurePage}
 * edits them.
 */
public class StructureItemForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String code;
    private String text;
    private boolean draft;
    private long version;

    public StructureItemForm() {
    }

    StructureItemForm(String code, String text, boolean draft, long version) {
        this.code = code;
        this.text = text;
        this.draft = draft;
        this.version = version;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isDraft() {
        return draft;
    }

    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    public long getVersion() {
        return version;
    }
}
