/*
 * A button marked data-portal-print opens the browser's print dialogue (HR's staff record). Bound here rather than in
 * an onclick attribute: the Content-Security-Policy allows no inline script without the page's nonce.
 */
document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('[data-portal-print]')) {
        window.print();
    }
});
