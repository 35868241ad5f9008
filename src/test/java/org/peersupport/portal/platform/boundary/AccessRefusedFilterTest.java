package org.peersupport.portal.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

/** A refusal is found however Faces, EL and the servlet wrap it; any other failure is left to the 500 page. */
class AccessRefusedFilterTest {

    @Test
    void aRefusalWrappedByFacesElAndTheServletIsFound() {
        EJBAccessException refused = new EJBAccessException("not allowed");
        ServletException wrapped = new ServletException("failed", new FacesException(new ELException(refused)));
        assertSame(refused, AccessRefusedFilter.refusal(wrapped).orElseThrow());
        assertSame(refused, AccessRefusedFilter.refusal(refused).orElseThrow());
    }

    @Test
    void otherFailuresAreNotRefusals() {
        assertTrue(AccessRefusedFilter.refusal(new ServletException(new FacesException(new IllegalStateException()))).isEmpty());
        assertTrue(AccessRefusedFilter.refusal(new RuntimeException()).isEmpty());
    }
}
