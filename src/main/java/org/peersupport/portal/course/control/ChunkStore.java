package org.peersupport.portal.course.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.platform.boundary.PortalDataSource;

/**
 * File bytes in the database, so every node of a cluster reads the same files: written from a stream into
 * {@code stored_file_chunk} rows of {@value #CHUNK_SIZE} bytes, and read back chunk by chunk. Memory use
 * stays at about one chunk whatever the file's size. Plain JDBC on the portal's data source, inside the
 * caller's JTA transaction when writing.
 */
@ApplicationScoped
public class ChunkStore {

    public static final int CHUNK_SIZE = 256 * 1024;

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    /**
     * Streams the content into a new stored file and returns it, with its size and SHA-256 set. The stream is
     * read to its end but not closed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredFile store(InputStream content, String mediaType, Instant now) throws IOException {
        StoredFile file = new StoredFile(mediaType, now);
        em.persist(file);
        em.flush(); // the chunks refer to the row
        MessageDigest sha = sha256();
        byte[] buffer = new byte[CHUNK_SIZE];
        long size = 0;
        int index = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into stored_file_chunk (file_id, chunk_index, data) values (?, ?, ?)")) {
            int read;
            while ((read = content.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
                sha.update(buffer, 0, read);
                insert.setLong(1, file.getId());
                insert.setInt(2, index++);
                insert.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, read), read);
                insert.executeUpdate();
                size += read;
            }
        } catch (SQLException e) {
            throw new IOException("Could not store the file's content", e);
        }
        file.written(size, HexFormat.of().formatHex(sha.digest()));
        return file;
    }

    /** Copies a stored file's bytes to the stream, chunk by chunk; the stream is not closed. */
    public void copyTo(long fileId, OutputStream out) throws IOException {
        try (InputStream in = open(fileId)) {
            in.transferTo(out);
        }
    }

    /** A stream over a stored file's bytes that loads one chunk at a time; the caller closes it. */
    public InputStream open(long fileId) {
        return new ChunkInputStream(fileId);
    }

    private byte[] chunk(long fileId, int index) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select data from stored_file_chunk where file_id = ? and chunk_index = ?")) {
            select.setLong(1, fileId);
            select.setInt(2, index);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("Could not read stored file " + fileId, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class ChunkInputStream extends InputStream {

        private final long fileId;
        private int nextIndex;
        private byte[] current = new byte[0];
        private int position;
        private boolean finished;

        ChunkInputStream(long fileId) {
            this.fileId = fileId;
        }

        private boolean fill() throws IOException {
            while (!finished && position >= current.length) {
                byte[] next = chunk(fileId, nextIndex++);
                if (next == null) {
                    finished = true;
                } else {
                    current = next;
                    position = 0;
                }
            }
            return position < current.length;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
