/**
 * Reporting's value objects: the filters a report applies ({@link org.peersupport.portal.reporting.entity.ReportFilter}),
 * the figures a drill-down stands for ({@link org.peersupport.portal.reporting.entity.Measure}) and the rows reports
 * return. Reporting owns no tables: it reads the candidate and course features' tables.
 */
package org.peersupport.portal.reporting.entity;
