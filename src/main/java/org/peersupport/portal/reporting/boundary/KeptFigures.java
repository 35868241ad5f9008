package org.peersupport.portal.reporting.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.omnifaces.util.cache.Cache;
import org.omnifaces.util.cache.CacheFactory;
import org.peersupport.portal.reporting.entity.Dashboard;

/**
 * The dashboard's tables and charts as rendered for one set of figures, kept on this node (issue 18).
 *
 * <p>HR officers asking for the same filter while nothing changed get the same {@link Dashboard} (shared figures,
 * {@code SharedFigures}); at 100,000 staff rendering its tables row by row took most of a dashboard request. So each
 * set of figures gets a key here, by value (equal figures render the same), under which the page keeps its tables'
 * markup (OmniFaces {@code o:cache}, application scope) and its charts' data. New figures (anything counted changed,
 * another day, another filter) are another value, so nothing kept can be stale; what a node keeps is bounded: past
 * {@value #MOST} sets of figures, the one used longest ago goes, with its markup. Only counts, course titles and
 * department names are kept, as in the shared figures: no one's record. The charts are not kept as markup: each
 * rendering carries the page's script nonce.
 */
@ApplicationScoped
public class KeptFigures {

    /** More sets of figures than HR officers look at between two changes. */
    static final int MOST = 50;

    private final Map<Dashboard, Figures> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long next;

    /** One set of figures: its number, the markup keys handed out for it and its charts' data. */
    public static final class Figures {

        private final long number;
        private final List<String> keys = new ArrayList<>();
        private final Map<String, String> charts = new HashMap<>();

        private Figures(long number) {
            this.number = number;
        }

        /**
         * The key under which {@code part} of the page is kept for these figures, as seen through {@code links} (the
         * page's links carry its filter and the context path, so a page whose links differ keeps its own).
         */
        public String key(String part, String links) {
            String key = "dashboard-figures/" + number + "/" + part + "/" + links;
            synchronized (keys) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
            return key;
        }

        /** A chart's data for these figures, built once. */
        public String chart(String name, Supplier<String> build) {
            synchronized (charts) {
                return charts.computeIfAbsent(name, n -> build.get());
            }
        }

        private List<String> keys() {
            synchronized (keys) {
                return List.copyOf(keys);
            }
        }
    }

    /**
     * These figures' entry: what the page asks of it below. Looked up once a request (equal figures are found by
     * value, which hashes every row).
     */
    public synchronized Figures of(Dashboard figures) {
        Figures entry = kept.get(figures);
        if (entry == null) {
            entry = new Figures(next++);
            kept.put(figures, entry);
            if (kept.size() > MOST) {
                var eldest = kept.entrySet().iterator();
                Figures gone = eldest.next().getValue();
                eldest.remove();
                forget(gone.keys());
            }
        }
        return entry;
    }

    private static void forget(List<String> keys) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return;
        }
        Cache markup = CacheFactory.getCache(faces, "application");
        keys.forEach(markup::remove);
    }
}
