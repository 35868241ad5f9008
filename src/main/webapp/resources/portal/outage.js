/*
 * A form posted by ajax whose action could not reach the database is answered 503 with the form's updates: the
 * messages region saying nothing was saved (DatabaseOutageExceptionHandler). PrimeFaces applies no update of a failed
 * request, so this applies them; what was typed stays in the form, as it does in a full post.
 */
(function () {
    if (!window.jQuery || !window.PrimeFaces) {
        return;
    }
    jQuery(document).on('pfAjaxError', function (event, xhr) {
        if (!xhr || xhr.status !== 503) {
            return;
        }
        var xml = xhr.responseXML;
        if (!xml && xhr.responseText) {
            try {
                xml = jQuery.parseXML(xhr.responseText);
            } catch (notXml) {
                return; // the "temporarily unavailable" page, not a form's updates
            }
        }
        if (xml && xml.getElementsByTagName('partial-response').length > 0) {
            PrimeFaces.ajax.Response.handle(xml, 'error', xhr);
        }
    });
})();
