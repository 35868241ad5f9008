/**
 * The platform owns what every feature stands on: configuration and the start-up check that refuses a
 * half-configured portal, the database and its Flyway migrations, health checks, the page shell and error
 * handling.
 */
package org.peersupport.portal.platform;
