package org.peersupport.portal.platform.boundary;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serial;
import java.io.Serializable;

/**
 * A session bean (an EJB boundary) as a {@code @ViewScoped} page bean holds it: by its type, with the container's
 * reference found when the page first calls it on a request.
 *
 * <p>A view-scoped bean lives in the session, and Payara reads the whole session back from its replication store and
 * writes it again on every request (docs/performance.md, issue 18). An injected EJB reference is about ten objects in
 * that stream (Weld's proxy, its method handler, injection point and bean holders, the container's session object
 * reference), each passed through Payara's object stream handlers, which look a container service up per object: with
 * ten views kept and three EJBs each, a supervisor's every request moved some 300 of them for pages they were not on.
 * This is one object. The reference is Weld's, through the container as an injected one is (roles, transactions,
 * interceptors), made with a creational context of its own so that nothing keeps it when the page bean goes.
 *
 * @param <T> the session bean's type (its no-interface view)
 */
public final class SessionBeanRef<T> implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    private transient T reference;

    private SessionBeanRef(Class<T> type) {
        this.type = type;
    }

    public static <T> SessionBeanRef<T> of(Class<T> type) {
        return new SessionBeanRef<>(type);
    }

    /** The session bean, looked up on first use after the page bean was made or read back from the session. */
    public T get() {
        T found = reference;
        if (found == null) {
            BeanManager beans = CDI.current().getBeanManager();
            Bean<?> bean = beans.resolve(beans.getBeans(type));
            found = type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
            reference = found;
        }
        return found;
    }
}
