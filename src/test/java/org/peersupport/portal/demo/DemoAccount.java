package org.peersupport.portal.demo;

import java.util.List;

/** The demo directory's accounts (deployment/demo-directory.ldif), as the banner, README and tests list them. */
public enum DemoAccount {

    AMARA("amara.okafor", List.of("candidate"), "Amara Okafor, Peer Support Worker",
            "nothing submitted yet: try the candidate's path"),
    DYLAN("dylan.hughes", List.of("candidate"), "Dylan Hughes, Peer Support Worker",
            "his essay, waiting for Grace"),
    PRIYA("priya.raman", List.of("candidate"), "Priya Raman, Volunteer Peer Supporter",
            "Tom's feedback; her essay resubmitted"),
    GRACE("grace.mitchell", List.of("supervisor"), "Grace Mitchell, Senior Peer Support Worker",
            "Dylan's essay waiting for review"),
    TOM("tom.barker", List.of("supervisor"), "Tom Barker, Peer Support Lead",
            "Priya's resubmitted essay to review"),
    HELEN("helen.shaw", List.of("verifier"), "Helen Shaw, Quality Assurance Lead",
            "Samuel's essay, sampled for verification"),
    SANA("sana.iqbal", List.of("coordinator"), "Sana Iqbal, Training Coordinator",
            "Callum's request for a place"),
    MARK("mark.evans", List.of("hr"), "Mark Evans, Workforce Development Officer",
            "a year of completions on the dashboard"),
    NADIA("nadia.rahman", List.of("safeguarding"), "Nadia Rahman, Designated Safeguarding Lead",
            "an open concern (and a closed one)"),
    IRIS("iris.campbell", List.of("governance"), "Iris Campbell, Data Protection Officer",
            "Leah Burns's request for her data, due in a week"),
    MORGAN("morgan.price", List.of("supervisor", "coordinator"), "Morgan Price, Peer Support Service Manager",
            "Samuel's portfolio to review"),
    JO("jo.lee", List.of(), "Jo Lee, Estates Administrator (no portal role)",
            "\"no access yet\"");

    private final String username;
    private final List<String> roles;
    private final String description;
    private final String firstLook;

    DemoAccount(String username, List<String> roles, String description, String firstLook) {
        this.username = username;
        this.roles = roles;
        this.description = description;
        this.firstLook = firstLook;
    }

    /** What the demo story leaves waiting on this account's first page. */
    public String firstLook() {
        return firstLook;
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
