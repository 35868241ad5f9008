package org.peersupport.portal.course.boundary;

import java.util.List;

/** A unit as a coordinator edits it, with its outcomes in order; send {@code version} back with an edit. */
public record UnitView(long unitId, int position, String code, String title, List<OutcomeView> outcomes, long version) {

    public UnitView {
        outcomes = List.copyOf(outcomes);
    }
}
