/**
 * The platform owns what every feature stands on, and depends on no feature: configuration and the start-up check
 * that refuses a half-configured portal, the database and its Flyway migrations, error handling, the CSV and XLSX
 * table writers that stream exports (with formula neutralising), and the once-per-day claim ({@code JobClaims})
 * that keeps a scheduled job single across nodes.
 */
package org.peersupport.portal.platform;
