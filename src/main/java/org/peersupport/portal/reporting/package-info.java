/**
 * HR reporting of training completion: the dashboard and its drill-down lists, each person's training record,
 * CSV and XLSX exports and the read-only JSON API. It reads candidate records (status and dates only, never
 * evidence or notes) and aggregates in the database.
 */
package org.peersupport.portal.reporting;
