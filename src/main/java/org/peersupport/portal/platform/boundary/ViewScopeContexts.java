package org.peersupport.portal.platform.boundary;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps Mojarra's record of the session's {@code @ViewScoped} beans to the views it still keeps, after each page
 * ({@link StatelessViewMaps}, the portal's one phase listener after rendering, calls {@link #tidy}).
 *
 * <p>Mojarra notes, per view, which view-scoped beans live in it ({@value #ACTIVE_VIEW_CONTEXTS}, a session attribute
 * keyed by view map id). When a view map is dropped (only {@code com.sun.faces.numberOfActiveViewMaps} are kept), the
 * Mojarra bundled with Payara 6 destroys its beans but keeps its entry in that record, so the record grows by one entry
 * for every stateful page a person opens, for as long as they stay signed in: after 27 review pages a supervisor's
 * session held 27 entries for 10 live views. Payara reads the whole session back from its replication store and writes
 * it again on every request (docs/performance.md, issue 18), so every request paid for every page opened before.
 * An entry whose view map is gone is taken out here; nothing can reach it again (a view map id is never reused).
 *
 * <p>Each entry is a {@link ConcurrentHashMap}, which Java serialises with sixteen lock segments whatever it holds:
 * 33 objects for one bean's name, each read and written through Payara's object streams, which look a container
 * service up for every object. The entry of the view this request created is copied into a
 * {@link ConcurrentSkipListMap} (Mojarra uses it only as a {@link Map}), which serialises as its entries. Only that
 * view's entry is replaced: no other request can use a view before its page has reached the browser.
 */
final class ViewScopeContexts {

    /** Mojarra's session attribute of the CDI view scope's records, keyed by view map id (its ViewScopeContextManager). */
    static final String ACTIVE_VIEW_CONTEXTS = StatelessViewMaps.ACTIVE_VIEW_CONTEXTS;

    private ViewScopeContexts() {
    }

    /**
     * Takes out the records of view maps the session no longer keeps, and stores the record of {@code currentView}
     * (the view this page rendered, or null) in a map that serialises as its entries.
     */
    static void tidy(Map<String, Object> session, Object currentView) {
        if (!(session.get(ACTIVE_VIEW_CONTEXTS) instanceof ConcurrentMap<?, ?> records)) {
            return;
        }
        Map<?, ?> viewMaps = session.get(StatelessViewMaps.ACTIVE_VIEW_MAPS) instanceof Map<?, ?> kept ? kept : Map.of();
        // a record is made after its view map is kept, so a record whose view map is not kept now is of a dropped view
        for (Object id : List.copyOf(records.keySet())) {
            if (!viewMaps.containsKey(id)) {
                records.remove(id);
            }
        }
        if (currentView != null && records.get(currentView) instanceof ConcurrentHashMap<?, ?> record
                && record.keySet().stream().allMatch(String.class::isInstance)) { // bean ids, ordered as text
            replace(records, currentView, record);
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, V> void replace(ConcurrentMap<?, ?> records, Object id, ConcurrentHashMap<K, V> record) {
        ((ConcurrentMap<Object, Object>) records).replace(id, record, new ConcurrentSkipListMap<>(record));
    }
}
