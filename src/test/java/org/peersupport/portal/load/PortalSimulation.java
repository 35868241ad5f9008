package org.peersupport.portal.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The portal under load, as people use it: every virtual user signs in through the sign-in form with an account
 * of its own (its own HTTP session, cookies and connections), then repeats one scenario's pages without pause until
 * the run's time is up (a failed page counts as an error and the user goes on; a failed sign-in ends the user). Faces forms are posted as a browser posts them, with the {@code jakarta.faces.ViewState}
 * read from the page. Settings come from system properties (see {@link LoadSettings}); {@link LoadRun} starts it.
 * In the soak ({@link Soak}) each user pauses after every page, for a time drawn uniformly between the settings'
 * {@code pauseMin} and {@code pauseMax} seconds (Gatling's {@code pause(min, max)}), and the users arrive evenly over
 * the settings' ramp rather than all at once.
 *
 * <ul>
 * <li>{@code lesson}: a candidate reads a Peer2Peer lesson and follows its "next" link;</li>
 * <li>{@code portfolio}: a candidate opens their portfolio, opens their draft written piece (starting one the first
 * time) and saves it with a new title and text;</li>
 * <li>{@code review}: a supervisor opens the review queue and the first submission in it;</li>
 * <li>{@code hr}: HR opens the completion dashboard and downloads the completion export (CSV) it links to;</li>
 * <li>{@code dashboard}: HR officers open the completion dashboard for the whole organisation, one after another,
 * with no export running beside it (issue 18's target is the dashboard for 16 HR officers at once; the {@code hr}
 * scenario measures it beside whole-organisation exports, which take most of the server);</li>
 * <li>{@code static} and {@code faces}: the baselines, signed out: a static file and a Faces page of the lesson
 * page's size that reads nothing from the database ({@link BaselinePage}).</li>
 * </ul>
 */
public class PortalSimulation extends Simulation {

    /** How the portfolio scenario's written pieces are titled (then the virtual user and a number). */
    static final String DRAFT_TITLE = "Load test draft";

    static final List<String> SCENARIOS = List.of("lesson", "portfolio", "review", "queue", "hr", "dashboard", "static",
            "faces");

    private static final String VIEW_STATE = "input[name='jakarta.faces.ViewState']";

    /** The cohort whose portfolio the candidates work in: the demo cohort (the generated places may be closed). */
    static final String COHORT = "Peer2Peer demo cohort";

    private final Map<List<String>, AtomicInteger> counters = new java.util.HashMap<>();

    public PortalSimulation() {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        HttpProtocolBuilder protocol = http.baseUrl(settings.origin()).disableWarmUp().disableCaching()
                .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8").acceptLanguageHeader("en-GB,en;q=0.8")
                .userAgentHeader("portal-load-benchmark (Gatling)");
        List<PopulationBuilder> populations = new ArrayList<>();
        for (String name : settings.scenarios()) {
            populations.add(population(name, settings).injectOpen(settings.rampSeconds() > 0
                    ? rampUsers(settings.users()).during(Duration.ofSeconds(settings.rampSeconds()))
                    : atOnceUsers(settings.users())));
        }
        setUp(populations).protocols(protocol)
                .maxDuration(Duration.ofSeconds(settings.rampSeconds() + settings.seconds() + settings.pauseMax() + 120L));
    }

    private ScenarioBuilder population(String name, LoadSettings settings) {
        String ctx = settings.contextPath();
        Duration time = Duration.ofSeconds(settings.seconds());
        UnaryOperator<ChainBuilder> think = settings.pauses()
                ? page -> page.pause(Duration.ofSeconds(settings.pauseMin()), Duration.ofSeconds(settings.pauseMax()))
                : page -> page;
        return switch (name) {
            case "lesson" -> scenario(name).feed(accounts(settings.accounts("candidate")))
                    .exec(signIn(ctx, think)).exec(session -> session.set("n", 1))
                    .during(time).on(lesson(ctx, think));
            case "portfolio" -> scenario(name).feed(accounts(settings.accounts("candidate")))
                    .exec(signIn(ctx, think)).exec(think.apply(exec(http("candidate home").get(ctx + "candidate/index.xhtml").check(status().is(200),
                            regex("candidate/portfolio\\.xhtml\\?enrolment=(\\d+)\"[^>]*>[^<]*" + COHORT).saveAs("enrolment")))))
                    .exitHereIfFailed()
                    .during(time).on(portfolio(ctx, think));
            case "review" -> scenario(name).feed(accounts(settings.accounts("supervisor")))
                    .exec(signIn(ctx, think)).during(time).on(review(ctx, think));
            case "queue" -> scenario(name).feed(accounts(settings.accounts("supervisor")))
                    .exec(signIn(ctx, think)).during(time).on(think.apply(exec(http("review queue alone")
                            .get(ctx + "supervisor/queue.xhtml").check(status().is(200), signedIn(),
                                    css("#queue-count, #queue-empty").exists()))));
            case "hr" -> scenario(name).feed(accounts(settings.accounts("hr")))
                    .exec(signIn(ctx, think)).during(time).on(hr(ctx, think));
            case "dashboard" -> scenario(name).feed(accounts(settings.accounts("hr")))
                    .exec(signIn(ctx, think)).during(time).on(think.apply(exec(http("dashboard alone")
                            .get(ctx + "hr/dashboard.xhtml").check(status().is(200), signedIn(),
                                    css("#export-completion-csv").exists()))));
            case "static" -> scenario(name).during(time).on(exec(http("static file").get(ctx + settings.staticFile())
                    .check(status().is(200))));
            case "faces" -> scenario(name).during(time).on(exec(http("bare Faces page").get(ctx + BaselinePage.PATH)
                    .check(status().is(200), substring(BaselinePage.MARKER).exists())));
            default -> throw new IllegalArgumentException("no scenario " + name + "; one of " + SCENARIOS);
        };
    }

    /** Each virtual user takes the next account, round the list: distinct accounts while users <= accounts. */
    private Iterator<Map<String, Object>> accounts(List<String> usernames) {
        if (usernames.isEmpty()) {
            throw new IllegalArgumentException("no accounts for a scenario that signs in");
        }
        // one counter per list, so the two candidate scenarios of a run do not share accounts
        AtomicInteger next = counters.computeIfAbsent(usernames, u -> new AtomicInteger());
        Supplier<Map<String, Object>> account = () -> Map.of("username",
                usernames.get(Math.floorMod(next.getAndIncrement(), usernames.size())));
        return Stream.generate(account).iterator();
    }

    /**
     * The real sign-in form: the page, then its form posted back with the view state it carried. {@code think} is
     * what a person does after each page: nothing in the benchmark, a pause in the soak.
     */
    private static ChainBuilder signIn(String ctx, UnaryOperator<ChainBuilder> think) {
        return exec(think.apply(exec(http("sign-in page").get(ctx + "signin.xhtml")
                .check(status().is(200), css(VIEW_STATE, "value").saveAs("viewState"), nonce()))))
                .exec(think.apply(exec(http("sign in").post(ctx + "signin.xhtml")
                        .formParam("signin", "signin")
                        .formParam("signin:username", "#{username}")
                        .formParam("signin:password", LoadSettings.password())
                        .formParam("signin:submit", "Sign in")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam(NONCE, "#{nonce}")
                        .check(status().is(200), signedIn()))))
                .exitHereIfFailed();
    }

    /** The field PrimeFaces' script adds to every form it posts: the page's script nonce, as a browser sends it. */
    private static final String NONCE = "primefaces.nonce";

    /** Keeps the page's script nonce (from its Content-Security-Policy) to post back with its form. */
    private static io.gatling.javaapi.core.CheckBuilder nonce() {
        return header("Content-Security-Policy").transform(PortalSimulation::nonceOf).saveAs("nonce");
    }

    static String nonceOf(String policy) {
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(policy == null ? "" : policy);
        return nonce.find() ? nonce.group(1) : "";
    }

    /** Not sent back to the sign-in page: the session is signed in. */
    private static io.gatling.javaapi.core.CheckBuilder signedIn() {
        return currentLocationRegex(".*/signin\\.xhtml.*").notExists();
    }

    /** Sessions 1 to 8 in turn, each followed by its "next" link (to sessions 2 to 9). */
    private static ChainBuilder lesson(String ctx, UnaryOperator<ChainBuilder> think) {
        return exec(session -> session.remove("nextHref"))
                .exec(think.apply(exec(http("lesson").get(ctx + "learning/lesson.xhtml?course=PEER2PEER&session=#{n}")
                        .check(status().is(200), signedIn(), css(".portal-lesson__about").exists(),
                                css("#next", "href").saveAs("nextHref")))))
                .doIf(session -> session.contains("nextHref")).then(
                        think.apply(exec(http("next lesson").get(session -> unescape(session.getString("nextHref")))
                                .check(status().is(200), signedIn(), css(".portal-lesson__about").exists()))))
                .exec(session -> session.set("n", session.getInt("n") % 8 + 1));
    }

    /** Opens the portfolio, opens (or the first time starts) the draft and saves it with new words. */
    private static ChainBuilder portfolio(String ctx, UnaryOperator<ChainBuilder> think) {
        return exec(session -> session.remove("viewState"))
                .exec(think.apply(exec(http("portfolio").get(ctx + "candidate/portfolio.xhtml?enrolment=#{enrolment}")
                .check(status().is(200), signedIn(), css("form#new " + VIEW_STATE, "value").saveAs("viewState"), nonce()))))
                .doIfOrElse(session -> !session.contains("draft")).then(
                        doIf(session -> session.contains("viewState")).then(think.apply(exec(http("start a written piece").post(ctx + "candidate/portfolio.xhtml?enrolment=#{enrolment}")
                                .formParam("new", "new")
                                .formParam("new:written", "New written piece")
                                .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam(NONCE, "#{nonce}")
                                .check(status().is(200), signedIn(),
                                        currentLocationRegex("evidence\\.xhtml\\?(?:.*&)?id=(\\d+)").saveAs("draft"),
                                        css("form#item " + VIEW_STATE, "value").saveAs("viewState"), nonce())))))
                .orElse(
                        exec(session -> session.remove("viewState")).exec(think.apply(exec(http("draft").get(ctx + "candidate/evidence.xhtml?id=#{draft}")
                                .check(status().is(200), signedIn(), css("form#item " + VIEW_STATE, "value").saveAs("viewState"), nonce())))))
                .exec(session -> session.set("draftTitle", DRAFT_TITLE + " " + session.userId() + " "
                        + System.nanoTime() % 100000))
                .doIf(session -> session.contains("draft") && session.contains("viewState")).then(think.apply(exec(http("save draft").post(ctx + "candidate/evidence.xhtml?id=#{draft}")
                        .formParam("item", "item")
                        .formParam("item:title", "#{draftTitle}")
                        .formParam("item:body_input", "<p>What I learnt about recovery this week, written under load. #{draftTitle}</p>")
                        .formParam("item:save", "Save")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam(NONCE, "#{nonce}")
                        .check(status().is(200), signedIn(), currentLocationRegex(".*/candidate/evidence\\.xhtml.*").exists(),
                                css("input[name='item:title']", "value").isEL("#{draftTitle}")))));
    }

    /** The review queue, then the first submission it lists (when it lists any). */
    private static ChainBuilder review(String ctx, UnaryOperator<ChainBuilder> think) {
        return exec(session -> session.remove("submission"))
                .exec(think.apply(exec(http("review queue").get(ctx + "supervisor/queue.xhtml")
                .check(status().is(200), signedIn(),
                        regex("supervisor/review\\.xhtml\\?submission=(\\d+)").optional().saveAs("submission")))))
                .doIf(session -> session.contains("submission")).then(
                        think.apply(exec(http("submission for review").get(ctx + "supervisor/review.xhtml?submission=#{submission}")
                                .check(status().is(200), signedIn(), css("form#review").exists()))));
    }

    /** The completion dashboard, then the completion export it links to. */
    private static ChainBuilder hr(String ctx, UnaryOperator<ChainBuilder> think) {
        return exec(session -> session.remove("exportHref"))
                .exec(think.apply(exec(http("dashboard").get(ctx + "hr/dashboard.xhtml")
                        .check(status().is(200), signedIn(), css("#export-completion-csv", "href").saveAs("exportHref")))))
                .doIf(session -> session.contains("exportHref")).then(
                        think.apply(exec(http("completion export CSV").get(session -> unescape(session.getString("exportHref")))
                                .check(status().is(200), signedIn(), headerRegex("Content-Type", "text/csv.*").exists()))));
    }

    private static String unescape(String href) {
        return href.replace("&amp;", "&");
    }
}
