package org.peersupport.portal.demo;

import java.util.Arrays;
import java.util.Locale;

/**
 * Who acts in the demo story, each through their own {@link DemoActor} bean: the demo accounts that have work
 * waiting, and last year's cohort (in the demo directory, without a portal role: they finished or left).
 */
public enum DemoCast {

    SANA("sana.iqbal", "coordinator"),
    GRACE("grace.mitchell", "supervisor"),
    TOM("tom.barker", "supervisor"),
    MORGAN("morgan.price", "supervisor"),
    HELEN("helen.shaw", "verifier"),
    NADIA("nadia.rahman", "safeguarding"),
    IRIS("iris.campbell", "governance"),
    DYLAN("dylan.hughes", "candidate"),
    PRIYA("priya.raman", "candidate"),
    LEAH("leah.burns", "candidate"),
    RUTH("ruth.cohen", "candidate"),
    AISHA("aisha.begum", "candidate"),
    ELLEN("ellen.walsh", "candidate"),
    KOFI("kofi.mensah", "candidate"),
    SAMUEL("samuel.osei", "candidate"),
    CALLUM("callum.reid", "candidate");

    /** The demo directory's password for everyone in it; a sign-off re-checks it. */
    public static final String PASSWORD = "demo-password";

    private final String username;
    private final String role;

    DemoCast(String username, String role) {
        this.username = username;
        this.role = role;
    }

    public String username() {
        return username;
    }

    public String role() {
        return role;
    }

    /** The actor bean's name: {@code DemoAsGraceMitchell}. */
    public String ejbName() {
        return "DemoAs" + Arrays.stream(username.split("\\.")).map(p -> p.substring(0, 1).toUpperCase(Locale.ROOT)
                + p.substring(1)).reduce("", String::concat);
    }
}
