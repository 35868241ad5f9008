package org.peersupport.portal.portfolio.boundary;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peersupport.portal.portfolio.entity.Testimony;

/**
 * The witness's words as a form holds them, for the pages where a candidate asks a witness for a testimony and where
 * a supervisor records one: who the witness is, their role, how they know the candidate, and their statement.
 */
public class TestimonyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which of these fields a testimony's refusal belongs to, by the start of its key. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("testimony.name", "name");
        FIELDS.put("testimony.long", "name");
        FIELDS.put("testimony.role", "role");
        FIELDS.put("testimony.relationship", "relationship");
        FIELDS.put("testimony.statement", "statement");
    }

    private String name;
    private String role;
    private String relationship;
    private String statement;

    Testimony testimony() {
        return new Testimony(name, role, relationship, statement);
    }

    void fill(TestimonyView view) {
        name = view.name();
        role = view.role();
        relationship = view.relationship();
        statement = view.statement();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String relationship) { this.relationship = relationship; }
    public String getStatement() { return statement; }
    public void setStatement(String statement) { this.statement = statement; }
}
