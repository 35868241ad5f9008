package org.peersupport.portal.candidate.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.peersupport.portal.course.control.UploadInspector;
import org.peersupport.portal.course.control.UploadRejectedException;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs the CSV import of {@code coordinator/cohort.xhtml}: a file of people previewed (who it would enrol, and every
 * problem), then confirmed, all or nothing. The file goes back to the browser (Base64, in the confirmation form)
 * between preview and confirmation, so nothing of it stays on the server and the confirmation works on any node of a
 * cluster; the boundary checks it again anyway.
 */
@Named
@ViewScoped
public class CsvEnrolForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SECTION = "csv";

    /** The largest enrolment file the page takes, as the boundary does. */
    static final long CSV_MAX_BYTES = 1_000_000;

    @Inject
    CohortPage page;

    private final SessionBeanRef<Enrolling> enrolling = SessionBeanRef.of(Enrolling.class);

    @Inject
    Messages messages;

    private transient CsvPreview csvPreview;
    private transient Part csvFile;
    private transient String csvData;
    private boolean csvReady;
    private List<String> csvProblems = List.of();

    /** Checks the file by its content (Tika), then shows who it would enrol and every problem; enrols nobody. */
    public void previewCsv() throws IOException {
        csvReady = false;
        csvProblems = List.of();
        csvPreview = null;
        page.focus(SECTION);
        if (csvFile == null || csvFile.getSize() == 0) {
            messages.error("csv:file", "cohortAdmin.csv.required");
            return;
        }
        byte[] bytes;
        try (InputStream in = csvFile.getInputStream();
                var upload = new UploadInspector(CSV_MAX_BYTES, Set.of("text/plain", "text/csv"))
                        .inspect(in, csvFile.getSubmittedFileName())) {
            bytes = Files.readAllBytes(upload.file());
        } catch (UploadRejectedException e) {
            messages.refused("csv:file", new BusinessException("enrolment.csv.refused", e.getMessage(), e.getMessage()));
            return;
        }
        try {
            csvPreview = enrolling.get().previewCsv(page.getId(), bytes);
            csvProblems = csvPreview.problems();
            csvReady = csvPreview.ok();
            csvData = csvReady ? Base64.getEncoder().encodeToString(bytes) : null;
            if (!csvPreview.ok()) {
                messages.error("csv:file", "cohortAdmin.csv.problems", csvPreview.problems().size());
            }
        } catch (BusinessException e) {
            messages.refused("csv:file", e);
        }
    }

    /** Enrols everyone in the previewed file, all or nothing. */
    public void confirmCsv() {
        byte[] bytes;
        try {
            bytes = csvData == null ? new byte[0] : Base64.getDecoder().decode(csvData);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        try {
            int count = enrolling.get().confirmCsv(page.getId(), bytes);
            page.confirm(SECTION, "cohortAdmin.csv.enrolled", count, page.getCohort().name());
            csvProblems = List.of();
        } catch (BusinessException e) {
            csvProblems = e.details();
            page.focus(SECTION);
            messages.refused("csv:file", e);
        }
        csvReady = false;
        csvPreview = null;
        csvData = null;
        page.refresh();
    }

    public Part getCsvFile() { return csvFile; }
    public void setCsvFile(Part csvFile) { this.csvFile = csvFile; }
    public String getCsvData() { return csvData; }
    public void setCsvData(String csvData) { this.csvData = csvData; }
    public boolean isCsvReady() { return csvReady; }
    public CsvPreview getCsvPreview() { return csvPreview; }
    public List<String> getCsvProblems() { return csvProblems; }
}
