/*
 * The coordinator's cohort pages.
 *
 * Enter in a field presses the button the field names (data-enter: a row's own button), or else its form's default
 * button (data-default-button), never simply the form's first button, which may belong to another row or do
 * something else (open a session early, approve the first request).
 *
 * After a postback that acted on a section further down a long page, the page marks that section's heading with
 * data-portal-focus. Moving the focus there brings the section into view and lets keyboard and screen-reader users
 * carry on where they were, next to the result (a confirmation, a preview, a problem).
 */
(function () {
    var notText = ['submit', 'button', 'reset', 'image', 'file', 'checkbox'];

    document.addEventListener('keydown', function (event) {
        var field = event.target;
        if (event.key !== 'Enter' || event.defaultPrevented || !(field instanceof HTMLInputElement)
                || notText.indexOf(field.type) >= 0) {
            return;
        }
        var id = field.getAttribute('data-enter') || (field.form && field.form.getAttribute('data-default-button'));
        var button = id && document.getElementById(id);
        if (button) {
            event.preventDefault();
            button.click();
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        var marker = document.querySelector('[data-portal-focus]');
        var target = marker && document.getElementById(marker.getAttribute('data-portal-focus'));
        if (target) {
            if (!target.hasAttribute('tabindex')) {
                target.setAttribute('tabindex', '-1');
            }
            target.focus();
        }
    });
})();
