package org.peersupport.portal.assessment.boundary;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * What the assessor's review page and the verifier's sample page share, held by each: loading the work (404 when it
 * is not there, the reason shown instead when the caller may not decide on it), the version a decision carries,
 * problems shown next to their fields, and the correction of the caller's latest decision.
 *
 * @param <V> what the page shows
 */
final class AssessorForm<V> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What corrects a decision: the boundary's {@code correct(decisionId, reason, expectedVersion)}. */
    @FunctionalInterface
    interface Correction {
        long correct(long decisionId, String reason, long expectedVersion);
    }

    /** Which field a refusal belongs to, by the start of its key; any other refusal goes at the top of the page. */
    private final Map<String, String> fields = new LinkedHashMap<>();
    /** Problems by field, shown next to the field. */
    private final Map<String, String> errors = new HashMap<>();
    private long version;
    /** Why the caller may not decide on this work (their own, a conflict...), shown instead of it. */
    private String refusal;
    private String correctionReason;
    private transient V view;

    AssessorForm(Map<String, String> fieldsByKeyPart) {
        fields.putAll(fieldsByKeyPart);
        fields.put("assessment.correction.reason", "correction");
    }

    /**
     * Loads the work when the page is first shown (not on a postback): null after answering 404 when there is no such
     * work, or with the refusal kept when it is not the caller's to decide on.
     */
    V load(FacesContext faces, Messages messages, Long id, LongFunction<V> loader, ToLongFunction<V> versionOf)
            throws IOException {
        if (faces.isPostback()) {
            return null;
        }
        if (id == null) {
            PageLoads.notFound(faces, "There is no such submission, or it is not yours to assess.");
            return null;
        }
        try {
            view = PageLoads.loadOrNotFound(faces, () -> loader.apply(id), "assessment.notFound", "evidence.notFound");
        } catch (BusinessException e) {
            refusal = messages.text(e);
            return null;
        }
        if (view != null) {
            version = versionOf.applyAsLong(view);
        }
        return view;
    }

    /** The work, read again when the view was restored. */
    V view(Long id, LongFunction<V> loader) {
        if (view == null && refusal == null && id != null) {
            view = loader.apply(id);
        }
        return view;
    }

    /**
     * Corrects the latest decision with the reason typed; returns where to go then ({@code page}, again), or null to
     * stay with the problem shown.
     */
    String correct(Messages messages, Supplier<DecisionView> latestCorrectable, Correction correction, String page) {
        errors.clear();
        if (AssessmentReads.blankToNull(correctionReason) == null) {
            errors.put("correction", messages.text("review.error.reason"));
            return null;
        }
        DecisionView latest = latestCorrectable.get();
        if (latest == null) {
            return null;
        }
        try {
            correction.correct(latest.id(), correctionReason, version);
        } catch (BusinessException e) {
            return refused(messages, e);
        }
        messages.info(null, "review.corrected", latest.position());
        return page + "?faces-redirect=true&includeViewParams=true";
    }

    /** Shows a refusal next to its field, or at the top of the page; keeps everything typed. Returns null, to stay. */
    String refused(Messages messages, BusinessException e) {
        String key = e.key() == null ? "" : e.key();
        String field = fields.entrySet().stream().filter(f -> key.startsWith(f.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (field != null) {
            errors.put(field, messages.text(e));
        } else {
            messages.refused(null, e);
        }
        return null;
    }

    Map<String, String> errors() {
        return errors;
    }

    long version() {
        return version;
    }

    String refusal() {
        return refusal;
    }

    String getCorrectionReason() {
        return correctionReason;
    }

    void setCorrectionReason(String correctionReason) {
        this.correctionReason = correctionReason;
    }
}
