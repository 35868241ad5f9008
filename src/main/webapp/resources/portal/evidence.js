/*
 * The evidence editor (candidate/evidence.xhtml): counts words as the candidate types (the same rule as the server:
 * white-space separated runs that hold a letter or a digit) and autosaves the text two seconds after they stop, through
 * the page's p:remoteCommand "autosaveEvidence". The server sanitises, counts and stores; its answer ("Saved at 14:05")
 * lands in the page's status region, which screen readers announce politely. Quill only copies its text into the form's
 * hidden field when it loses focus, so this copies it before every autosave and every full save.
 */
(function () {
    var DELAY = 2000;
    var WORDLIKE = /[\p{L}\p{N}]/u;

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

        widget.editor.on('text-change', function (delta, old, source) {
            showCount();
            if (source !== 'user' || typeof window.autosaveEvidence !== 'function') {
                return;
            }
            clearTimeout(timer);
            timer = setTimeout(function () {
                timer = null;
                copyText();
                window.autosaveEvidence();
            }, DELAY);
        });

        var form = widget.jq.closest('form').get(0);
        if (form) {
            form.addEventListener('submit', function () {
                clearTimeout(timer); // the full save carries the text
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
