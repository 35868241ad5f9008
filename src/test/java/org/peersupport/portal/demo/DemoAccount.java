package org.peersupport.portal.demo;

import java.util.List;

/** The demo directory's accounts (deployment/demo-directory.ldif), as the banner, README and tests list them. */
public enum DemoAccount {

    AMARA("amara.okafor", List.of("candidate"), "Amara Okafor, Peer Support Worker"),
    DYLAN("dylan.hughes", List.of("candidate"), "Dylan Hughes, Peer Support Worker"),
    PRIYA("priya.raman", List.of("candidate"), "Priya Raman, Volunteer Peer Supporter"),
    GRACE("grace.mitchell", List.of("supervisor"), "Grace Mitchell, Senior Peer Support Worker"),
    TOM("tom.barker", List.of("supervisor"), "Tom Barker, Peer Support Lead"),
    HELEN("helen.shaw", List.of("verifier"), "Helen Shaw, Quality Assurance Lead"),
    SANA("sana.iqbal", List.of("coordinator"), "Sana Iqbal, Training Coordinator"),
    MARK("mark.evans", List.of("hr"), "Mark Evans, Workforce Development Officer"),
    NADIA("nadia.rahman", List.of("safeguarding"), "Nadia Rahman, Designated Safeguarding Lead"),
    MORGAN("morgan.price", List.of("supervisor", "coordinator"), "Morgan Price, Peer Support Service Manager"),
    JO("jo.lee", List.of(), "Jo Lee, Estates Administrator (no portal role)");

    private final String username;
    private final List<String> roles;
    private final String description;

    DemoAccount(String username, List<String> roles, String description) {
        this.username = username;
        this.roles = roles;
        this.description = description;
    }

    public String username() {
        return username;
    }

    public List<String> roleNames() {
        return roles;
    }

    public String roles() {
        return roles.isEmpty() ? "(none)" : String.join(" + ", roles);
    }

    public String description() {
        return description;
    }

    public String displayName() {
        return description.substring(0, description.indexOf(','));
    }
}
