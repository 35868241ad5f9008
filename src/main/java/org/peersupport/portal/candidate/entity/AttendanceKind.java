package org.peersupport.portal.candidate.entity;

/** A mark in a session's register. Present and late count as attended; absent and apologies do not. */
public enum AttendanceKind {
    PRESENT, ABSENT, APOLOGIES, LATE;

    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
