/*
 * Quill (PrimeFaces' text editor, loaded on demand) draws its "text style" picker as spans with role=button
 * and no name. Name them for screen readers whenever Quill adds them to the page.
 */
(function () {
    var names = {'2': 'Heading', '3': 'Subheading'};

    function label(root) {
        root.querySelectorAll('.ql-header.ql-picker').forEach(function (picker) {
            var current = picker.querySelector('.ql-picker-label');
            if (current && !current.hasAttribute('aria-label')) {
                current.setAttribute('aria-label', 'Text style');
            }
            picker.querySelectorAll('.ql-picker-item').forEach(function (item) {
                if (!item.hasAttribute('aria-label')) {
                    item.setAttribute('aria-label', names[item.getAttribute('data-value')] || 'Paragraph');
                }
            });
        });
    }

    new MutationObserver(function () {
        label(document);
    }).observe(document.documentElement, {childList: true, subtree: true});
    document.addEventListener('DOMContentLoaded', function () {
        label(document);
    });
})();
