/**
 * Reporting logic: the SQL of every report, built from a filter with every value as a parameter
 * ({@link org.peersupport.portal.reporting.control.ReportSql}), and the API's per-caller rate limit. Exports
 * stream through the platform's CSV and XLSX writers ({@link org.peersupport.portal.platform.control.TableWriter}).
 */
package org.peersupport.portal.reporting.control;
