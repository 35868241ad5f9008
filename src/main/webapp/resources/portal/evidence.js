/*
 * The evidence editor (candidate/evidence.xhtml): counts words as the candidate types (the same rule as the server:
 * white-space separated runs that hold a letter or a digit) and autosaves the text two seconds after they stop, through
 * the page's p:remoteCommand "autosaveEvidence". The server sanitises, counts and stores; its answer ("Saved at 14:05")
 * lands in the page's status region, which screen readers announce politely. Quill only copies its text into the form's
 * hidden field when it loses focus, so this copies it before every autosave and every full save.
 *
 * An autosave that does not reach the database (the server answers that it is out of reach, or the portal does not
 * answer at all) is tried again after 5 seconds, then 10, 20 and 30 seconds between tries, and the status region
 * says so ("Not saved ... trying again in 10 seconds"); when a try succeeds the server's "Saved at" replaces it.
 */
(function () {
    var DELAY = 2000;
    var FIRST_RETRY = 5000;
    var LONGEST_RETRY = 30000;
    var WORDLIKE = /[\p{L}\p{N}]/u;
    var retryDelay = FIRST_RETRY;
    var retryTimer = null;
    var save = function () {
    };

    /** Called by the autosave's p:remoteCommand when its request completes, whether it saved or not. */
    window.portalAutosaveDone = function (xhr, status, args) {
        clearTimeout(retryTimer);
        retryTimer = null;
        if (status === 'success' && !(args && args.autosaveRetry)) {
            retryDelay = FIRST_RETRY;
            return;
        }
        var region = document.getElementById('item:autosave');
        if (region) {
            var seconds = Math.round(retryDelay / 1000);
            showProblem(region, region.dataset.retrying.replace('{0}', seconds));
        }
        retryTimer = setTimeout(function () {
            retryTimer = null;
            if (region) {
                showProblem(region, region.dataset.retryingNow);
            }
            save();
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, LONGEST_RETRY);
    };

    /** Says in the status region, in the style of the server's own autosave problems, that the text is not saved. */
    function showProblem(region, text) {
        var problem = document.createElement('span');
        problem.className = 'portal-field-error';
        problem.textContent = text;
        region.replaceChildren(problem);
    }

    function words(text) {
        return text.split(/\s+/).filter(function (token) {
            return WORDLIKE.test(token);
        }).length;
    }

    function start() {
        var widget = window.PrimeFaces && PrimeFaces.widgets && PrimeFaces.widgets.bodyEditor;
        if (!widget || !widget.editor) {
            setTimeout(start, 200); // the editor is created once its container is visible
            return;
        }
        var count = document.getElementById('word-count');
        var timer = null;

        function showCount() {
            if (count) {
                var n = words(widget.editor.getText());
                count.textContent = (n === 1 ? count.dataset.one : count.dataset.many).replace('{0}', n);
            }
        }

        function copyText() {
            widget.input.val(widget.getEditorValue());
        }

        save = function () {
            copyText();
            window.autosaveEvidence();
        };

        widget.editor.on('text-change', function (delta, old, source) {
            showCount();
            if (source !== 'user' || typeof window.autosaveEvidence !== 'function') {
                return;
            }
            clearTimeout(timer);
            timer = setTimeout(function () {
                timer = null;
                clearTimeout(retryTimer); // this save carries the newer text: it is the one to retry
                retryTimer = null;
                save();
            }, DELAY);
        });

        var form = widget.jq.closest('form').get(0);
        if (form) {
            form.addEventListener('submit', function () {
                clearTimeout(timer); // the full save carries the text
                clearTimeout(retryTimer);
                copyText();
            });
        }
        showCount();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
