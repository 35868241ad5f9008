/**
 * Reporting logic: the SQL of every report, built from a filter with every value as a parameter
 * ({@link org.peersupport.portal.reporting.control.ReportSql}), the CSV and XLSX writers that stream exports
 * ({@link org.peersupport.portal.reporting.control.TableWriter}) with formula neutralising, and the API's
 * per-caller rate limit.
 */
package org.peersupport.portal.reporting.control;
