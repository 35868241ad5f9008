/**
 * Reporting's boundaries, HR only and deny-by-default: {@link org.peersupport.portal.reporting.boundary.Reports}
 * (dashboard, drill-down lists, staff records, the API's reads) and
 * {@link org.peersupport.portal.reporting.boundary.ReportExports} (streamed CSV and XLSX); the request-scoped page
 * beans of {@code hr/dashboard.xhtml}, {@code hr/people.xhtml} and {@code hr/staff.xhtml}; the export servlet; and the
 * JAX-RS API at {@code /api} with its rate limit.
 */
package org.peersupport.portal.reporting.boundary;
