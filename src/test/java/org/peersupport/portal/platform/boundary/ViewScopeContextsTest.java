package org.peersupport.portal.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

/**
 * Mojarra's record of view-scoped beans keeps to the views the session keeps, and the record of a new view serialises
 * as its entries: what Payara reads and writes on every request stays the size of the views kept.
 */
class ViewScopeContextsTest {

    @Test
    void recordsOfViewsNoLongerKeptAreTakenOutAndTheNewViewsRecordIsWrittenAsItsEntries() {
        Map<String, Object> session = new HashMap<>();
        Map<String, Object> viewMaps = Collections.synchronizedMap(new LinkedHashMap<>());
        ConcurrentMap<Object, ConcurrentMap<String, Object>> records = new ConcurrentHashMap<>();
        session.put(StatelessViewMaps.ACTIVE_VIEW_MAPS, viewMaps);
        session.put(ViewScopeContexts.ACTIVE_VIEW_CONTEXTS, records);
        for (int view = 1; view <= 30; view++) { // thirty review pages opened; the session keeps the last ten views
            String id = "view-" + view;
            viewMaps.put(id, new HashMap<>(Map.of("reviewPage", "the page's bean")));
            if (viewMaps.size() > 10) {
                viewMaps.remove(viewMaps.keySet().iterator().next());
            }
            ConcurrentHashMap<String, Object> record = new ConcurrentHashMap<>();
            record.put("bean-id-of-ReviewPage", "reviewPage");
            records.put(id, record);
            int before = objectsWritten(records);

            ViewScopeContexts.tidy(session, id);

            assertEquals(viewMaps.keySet(), records.keySet(), "records of dropped views are gone after page " + view);
            assertEquals(Map.of("bean-id-of-ReviewPage", "reviewPage"), records.get(id), "the new view's record keeps its bean");
            assertTrue(objectsWritten(records) < before - 30, "the new view's record costs fewer objects to write");
        }
        int tenCompactRecords = objectsWritten(records);
        assertTrue(tenCompactRecords < 100, "ten views' records are written as " + tenCompactRecords + " objects");
    }

    @Test
    void aPageWithoutAViewOrRecordsLeavesTheSessionAsItWas() {
        Map<String, Object> session = new HashMap<>();
        ViewScopeContexts.tidy(session, "view-1");
        assertTrue(session.isEmpty());

        ConcurrentHashMap<String, Object> record = new ConcurrentHashMap<>(Map.of("bean", "name"));
        ConcurrentMap<Object, Object> records = new ConcurrentHashMap<>(Map.of("view-1", record));
        session.put(StatelessViewMaps.ACTIVE_VIEW_MAPS, Collections.synchronizedMap(new LinkedHashMap<>(Map.of("view-1", Map.of()))));
        session.put(ViewScopeContexts.ACTIVE_VIEW_CONTEXTS, records);
        ViewScopeContexts.tidy(session, null); // a stateless page: other views' records are left as they are
        assertSame(record, records.get("view-1"));
        ViewScopeContexts.tidy(session, "view-1");
        assertInstanceOf(Map.class, records.get("view-1"));
        assertEquals(Map.of("bean", "name"), records.get("view-1"));
    }

    /** How many objects Java serialisation writes for the value, as Payara's session streams see them. */
    private static int objectsWritten(Object value) {
        int[] count = {0};
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object object) {
                count[0]++;
                return object;
            }
        }) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }
}
