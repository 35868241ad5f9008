package org.peersupport.portal.candidate.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code coordinator/register.xhtml}: the register of one dated cohort session, one choice of present,
 * absent, apologies or late per candidate, everyone marked present at once, and the whole register saved together.
 */
@Named
@ViewScoped
public class RegisterPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<Attendance> attendance = SessionBeanRef.of(Attendance.class);

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    private Long session;
    private transient RegisterSession header;
    private transient List<RegisterLine> lines;
    /** The mark chosen for each enrolment (the enum's name), as the form holds it. */
    private final Map<Long, String> marks = new HashMap<>();
    /** Enrolments left without a mark when saving. */
    private final Map<Long, String> errors = new HashMap<>();

    public void load() throws IOException {
        header = PageLoads.loadOrNotFound(faces, () -> {
            if (session == null) {
                throw new BusinessException("attendance.session.notFound", "There is no such cohort session.");
            }
            return attendance.get().registerSession(session);
        });
        if (header != null) {
            fillMarks();
        }
    }

    private void fillMarks() {
        marks.clear();
        for (RegisterLine line : getLines()) {
            if (line.mark() != null) {
                marks.put(line.enrolmentId(), line.mark().name());
            }
        }
    }

    /** Marks everyone present in the form, to change those who were not before saving. */
    public void markEveryonePresent() {
        errors.clear();
        getLines().forEach(line -> marks.put(line.enrolmentId(), AttendanceKind.PRESENT.name()));
        messages.info(null, "register.allPresent");
    }

    public void save() {
        errors.clear();
        Map<Long, AttendanceKind> chosen = new LinkedHashMap<>();
        for (RegisterLine line : getLines()) {
            String mark = marks.get(line.enrolmentId());
            if (mark == null || mark.isBlank()) {
                errors.put(line.enrolmentId(), messages.text("register.mark.required", line.displayName()));
            } else {
                chosen.put(line.enrolmentId(), AttendanceKind.valueOf(mark));
            }
        }
        if (!errors.isEmpty()) {
            messages.error(null, "register.incomplete", errors.size());
            return;
        }
        try {
            attendance.get().markAll(session, chosen);
            Map<AttendanceKind, Integer> counts = new EnumMap<>(AttendanceKind.class);
            chosen.values().forEach(k -> counts.merge(k, 1, Integer::sum));
            messages.info(null, "register.saved", getHeader().number(), counts.getOrDefault(AttendanceKind.PRESENT, 0),
                    counts.getOrDefault(AttendanceKind.LATE, 0), counts.getOrDefault(AttendanceKind.ABSENT, 0),
                    counts.getOrDefault(AttendanceKind.APOLOGIES, 0));
            lines = null;
            fillMarks();
        } catch (BusinessException e) {
            messages.refused(null, e);
        }
    }

    public RegisterSession getHeader() {
        if (header == null) {
            header = attendance.get().registerSession(session);
        }
        return header;
    }

    public List<RegisterLine> getLines() {
        if (lines == null) {
            lines = attendance.get().register(session);
        }
        return lines;
    }

    public AttendanceKind[] getKinds() {
        return AttendanceKind.values();
    }

    public String error(long enrolmentId) {
        return errors.get(enrolmentId);
    }

    public String dateTime(java.time.LocalDateTime dateTime) {
        return CohortPages.dateTime(dateTime);
    }

    public Long getSession() { return session; }
    public void setSession(Long session) { this.session = session; }
    public Map<Long, String> getMarks() { return marks; }
}
