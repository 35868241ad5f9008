package org.peersupport.portal.platform;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.entity.StoredFile;

/**
 * In the test WAR of {@link BackupRestoreIT} only: {@code /stored-file-fixture?seed=&size=} stores {@link #content}
 * through the portal's own {@link ChunkStore}, the code every uploaded evidence file and course exercise file goes
 * through, in a committed transaction, and answers with the stored file's id as plain text. The test computes the
 * same bytes from the same seed, so it knows them without reading them back from the portal.
 */
@WebServlet("/stored-file-fixture")
public class StoredFileFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ChunkStore chunks;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    /** The file's bytes: random, from the seed. */
    public static byte[] content(long seed, int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] bytes = content(Long.parseLong(request.getParameter("seed")), Integer.parseInt(request.getParameter("size")));
        long id;
        try {
            transaction.begin();
            StoredFile file = chunks.store(new ByteArrayInputStream(bytes), "application/octet-stream", Instant.now());
            id = file.getId();
            transaction.commit();
        } catch (Exception e) {
            try {
                transaction.rollback();
            } catch (Exception ignored) {
                // not begun, or already ended: nothing to undo
            }
            throw new IOException("could not store the file", e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(id);
    }
}
