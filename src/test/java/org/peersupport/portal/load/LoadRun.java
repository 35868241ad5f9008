package org.peersupport.portal.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Runs {@link PortalSimulation} once, in this JVM, through Gatling's own launcher, and reads the figures back from
 * the report Gatling writes (count, errors and the 50th, 95th and 99th percentiles of each named request, and the
 * list of errors). Gatling's anonymous usage analytics and its warm-up call to gatling.io are switched off.
 */
final class LoadRun {

    /** One named request of a run. Times in milliseconds; {@code perSecond} over the run's measuring time. */
    record RequestStats(String request, long count, long errors, double perSecond, long median, long p95, long p99,
            long max) {
    }

    private LoadRun() {
    }

    /** A run's named requests, and every error Gatling listed (failed checks and requests, broken sessions). */
    record Result(List<RequestStats> requests, List<String> errors, Path report) {
    }

    static synchronized Result run(LoadSettings settings, Path resultsFolder) throws IOException {
        Files.createDirectories(resultsFolder);
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.http.warmUpUrl", "");
        settings.asSystemProperties().forEach(System::setProperty);
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"--simulation", PortalSimulation.class.getName(),
                "--results-folder", resultsFolder.toAbsolutePath().toString(),
                "--run-description", String.join("+", settings.scenarios()) + " x " + settings.users()});
        if (status != 0) {
            throw new IllegalStateException("Gatling ended with status " + status + "; see " + resultsFolder);
        }
        Path report;
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            report = runs.filter(Files::isDirectory).max(Comparator.comparing(LoadRun::modified))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report in " + resultsFolder));
        }
        return read(report.resolve("index.html"), settings.seconds());
    }

    /**
     * Reads the statistics and errors tables of Gatling's HTML report (Gatling 3.15 keeps its figures nowhere else
     * readable: its simulation.log is binary).
     */
    static Result read(Path indexHtml, int seconds) throws IOException {
        Document page = Jsoup.parse(indexHtml.toFile(), "UTF-8");
        List<RequestStats> requests = new ArrayList<>();
        for (Element row : page.select("tr[id^=req_]")) {
            Element name = row.selectFirst(".ellipsed-name");
            if (name == null) {
                continue;
            }
            long count = cell(row, 2);
            requests.add(new RequestStats(name.text(), count, cell(row, 4), (double) count / seconds, cell(row, 8),
                    cell(row, 10), cell(row, 11), cell(row, 12)));
        }
        List<String> errors = new ArrayList<>();
        for (Element row : page.select("#container_errors tbody tr")) {
            // the message cell also holds a hidden sort key: its own text only, then how many and their share
            Element message = row.selectFirst(".error-col-1");
            Element count = row.selectFirst(".error-col-2");
            Element share = row.selectFirst(".error-col-3");
            errors.add(message == null || count == null || share == null ? row.text()
                    : message.ownText() + ": " + count.text() + " (" + share.text() + ")");
        }
        return new Result(requests, errors, indexHtml);
    }

    private static long cell(Element row, int column) {
        Element cell = row.selectFirst("td.col-" + column);
        if (cell == null) {
            return 0;
        }
        try {
            return Math.round(Double.parseDouble(cell.text().replace(",", "")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
