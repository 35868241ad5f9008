package org.peersupport.portal.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.faces.FacesException;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.ServletException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Issue 17, item 4: which failures mean "the database cannot be reached", however they are wrapped. */
class DatabaseOutageTest {

    @Test
    void aRefusedConnectionInsideThePoolsFailureInsideJpaAndEjbIsAnOutage() {
        SQLException pool = new SQLException("Error in allocating a connection. Cause: Connection could not be allocated "
                + "because: Connection to 127.0.0.1:5432 refused.", null, 0);
        Throwable wrapped = new ServletException(new FacesException(new EJBException(new PersistenceException(
                "Exception [EclipseLink-4002]", pool))));
        assertTrue(DatabaseOutage.isCause(wrapped));
        assertTrue(DatabaseOutage.describe(wrapped).startsWith("SQLException: Error in allocating a connection"),
                DatabaseOutage.describe(wrapped));
    }

    @Test
    void sqlStateClass08AndAConnectExceptionAreOutages() {
        assertTrue(DatabaseOutage.isCause(new PersistenceException(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseOutage.isCause(new EJBException(new RuntimeException(new ConnectException("refused")))));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(DatabaseOutage.isCause(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.isCause(new EJBException(new IllegalStateException("a bug"))));
        assertEquals("IllegalStateException", DatabaseOutage.describe(new IllegalStateException("a bug")));
    }
}
