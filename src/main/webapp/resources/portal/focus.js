/*
 * After a postback that acted on a section further down a long page, the page marks that section's heading with
 * data-portal-focus. Moving the focus there brings the section into view and lets keyboard and screen-reader
 * users carry on where they were, next to the result (a confirmation, a preview, a problem).
 */
(function () {
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
