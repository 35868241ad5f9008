package org.peersupport.portal.platform.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primefaces.shaded.owasp.encoder.Encode;

/**
 * A page rendered once by Faces with stand-ins where each request differs (its {@link Slot}s: the signed-in person's
 * name, their unread count, the script nonce), kept, and written again for the next request with those filled in,
 * without Faces building or rendering anything (issue 18: a published lesson is the same for everyone with the same
 * roles, and rendering it was most of its cost). Immutable once made, so one template serves every thread of a node.
 *
 * <p>How a page is captured: {@link Capture} stands in for the response while Faces renders the page with
 * {@link #renderingSlots} set, so the shell writes each slot's token instead of its value; the script nonce PrimeFaces
 * generated is found in the page's Content-Security-Policy header and replaced by its token, in the page and in the
 * header. A slot's token carries a mark drawn at random when the node starts, so no course text can contain one.
 */
public final class PageTemplate {

    /** Random per node: a lesson's text cannot guess it, so only the shell's slots become tokens. */
    private static final String MARK = "pt" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    private static final String RENDERING_SLOTS = PageTemplate.class.getName() + ".renderingSlots";
    private static final String POLICY_HEADER = "Content-Security-Policy";
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");
    private static final Pattern TOKEN = Pattern.compile(Pattern.quote(MARK) + "([a-z]+)" + Pattern.quote(MARK));

    /** What differs between two people reading the same page with the same roles. */
    public enum Slot {
        /** The signed-in person's name (HTML text, escaped when filled). */
        NAME,
        /** Their count of unread notices (digits). */
        UNREAD,
        /** The page's script nonce, in script elements, PrimeFaces' start-up script and the policy header. */
        NONCE;

        /** What the page writes in this slot's place while it is rendered as a template. */
        public String token() {
            return MARK + name().toLowerCase() + MARK;
        }
    }

    private final List<String> parts;
    private final List<Slot> slots;
    private final String contentType;
    private final String policy;

    private PageTemplate(List<String> parts, List<Slot> slots, String contentType, String policy) {
        this.parts = List.copyOf(parts);
        this.slots = List.copyOf(slots);
        this.contentType = contentType;
        this.policy = policy;
    }

    /** Whether this request's page is being rendered as a template: the shell then writes tokens for its slots. */
    public static boolean renderingSlots(ExternalContext external) {
        return external.getRequestMap().containsKey(RENDERING_SLOTS);
    }

    /** A fresh script nonce, made as PrimeFaces makes its own (it checks a posted form's nonce has this form). */
    public static String newNonce() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes this page with {@code values} in its slots, and the policy header with the nonce. */
    public void writeTo(ExternalContext external, Map<Slot, String> values) throws IOException {
        external.setResponseContentType(contentType);
        external.addResponseHeader(POLICY_HEADER, policy.replace(Slot.NONCE.token(), values.get(Slot.NONCE)));
        writePage(external.getResponseOutputWriter(), values);
    }

    private void writePage(Writer out, Map<Slot, String> values) throws IOException {
        for (int i = 0; i < slots.size(); i++) {
            out.write(parts.get(i));
            Slot slot = slots.get(i);
            String value = values.get(slot);
            out.write(slot == Slot.NAME ? Encode.forHtmlContent(value) : value);
        }
        out.write(parts.get(parts.size() - 1));
    }

    /**
     * Stands in for the response while Faces renders a page as a template: the page is kept here, not sent, and the
     * rest (headers, status, errors, redirects) goes through. Started and finished in the same request.
     */
    public static final class Capture extends HttpServletResponseWrapper {

        private final ExternalContext external;
        private final HttpServletResponse response;
        private final CharArrayWriter page = new CharArrayWriter(16 * 1024);
        private final PrintWriter writer = new PrintWriter(page);
        private String policy;
        private int status = SC_OK;
        private boolean passedOn;

        private Capture(ExternalContext external, HttpServletResponse response) {
            super(response);
            this.external = external;
            this.response = response;
        }

        /** Renders this request's page as a template from here on. */
        public static Capture start(ExternalContext external) {
            Capture capture = new Capture(external, (HttpServletResponse) external.getResponse());
            external.setResponse(capture);
            external.getRequestMap().put(RENDERING_SLOTS, Boolean.TRUE);
            return capture;
        }

        /**
         * Ends the capture and gives the response back. With {@code rendered} the page Faces wrote is made a template
         * (empty when something in it says it is not one to keep, e.g. an error status or a message) and written,
         * filled with {@code values} and this page's own nonce; without, what was captured is dropped (the request
         * failed, and whatever answers it next writes the response itself, without tokens).
         */
        public Optional<PageTemplate> finish(boolean rendered, Map<Slot, String> values, boolean keepable)
                throws IOException {
            external.setResponse(response);
            external.getRequestMap().remove(RENDERING_SLOTS);
            if (!rendered || passedOn) {
                return Optional.empty();
            }
            writer.flush();
            String text = page.toString();
            Matcher nonce = policy == null ? null : NONCE.matcher(policy);
            if (nonce == null || !nonce.find()) {
                // a page without a policy, so without a nonce: written filled, not kept
                parse(text, response.getContentType(), "").writePage(response.getWriter(), values);
                return Optional.empty();
            }
            String pageNonce = nonce.group(1);
            Map<Slot, String> filled = new EnumMap<>(values);
            filled.put(Slot.NONCE, pageNonce);
            String withTokens = text.replace(pageNonce, Slot.NONCE.token())
                    .replace(Encode.forJavaScript(pageNonce), Slot.NONCE.token());
            PageTemplate template = parse(withTokens, response.getContentType(),
                    policy.replace(pageNonce, Slot.NONCE.token()));
            template.writePage(response.getWriter(), filled);
            return keepable && status == SC_OK && template.slots.contains(Slot.NAME)
                    ? Optional.of(template) : Optional.empty();
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public void flushBuffer() {
            // kept until the page is finished
        }

        @Override
        public void resetBuffer() {
            page.reset();
        }

        @Override
        public void reset() {
            page.reset();
            super.reset();
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            passedOn = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            passedOn = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            passedOn = true;
            super.sendRedirect(location);
        }

        @Override
        public void setHeader(String name, String value) {
            notePolicy(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            notePolicy(name, value);
            super.addHeader(name, value);
        }

        private void notePolicy(String name, String value) {
            if (POLICY_HEADER.equalsIgnoreCase(name)) {
                policy = value;
            }
        }
    }

    private static PageTemplate parse(String text, String contentType, String policy) {
        List<String> parts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        int from = 0;
        while (token.find()) {
            parts.add(text.substring(from, token.start()));
            slots.add(Slot.valueOf(token.group(1).toUpperCase()));
            from = token.end();
        }
        parts.add(text.substring(from));
        return new PageTemplate(parts, slots, contentType, policy);
    }
}
