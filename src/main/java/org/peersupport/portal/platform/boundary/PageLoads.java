package org.peersupport.portal.platform.boundary;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import org.peersupport.portal.platform.control.BusinessException;

/** What page beans share when they load the record their page shows: one that is not there, or not the caller's, is a 404. */
public final class PageLoads {

    private PageLoads() {
    }

    /**
     * The loader's result; or null after answering 404 when the boundary refuses the record: with no
     * {@code notFoundKeys} every refusal, else only a refusal with one of those keys (any other is thrown on).
     */
    public static <T> T loadOrNotFound(FacesContext faces, Supplier<T> loader, String... notFoundKeys) throws IOException {
        try {
            return loader.get();
        } catch (BusinessException e) {
            if (notFoundKeys.length > 0 && !Arrays.asList(notFoundKeys).contains(e.key())) {
                throw e;
            }
            notFound(faces, e.getMessage());
            return null;
        }
    }

    /** Answers 404 with {@code message}: for a page asked for without the record it shows. */
    public static void notFound(FacesContext faces, String message) throws IOException {
        faces.getExternalContext().responseSendError(404, message);
        faces.responseComplete();
    }
}
