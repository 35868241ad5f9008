/**
 * The platform owns what every feature stands on: configuration and the start-up check that refuses a
 * half-configured portal, the database and its Flyway migrations, health checks, the page shell and error
 * handling; and notifications: in-app notices that every feature raises through {@code Notifier}, emailed after
 * commit, and the once-per-day claim ({@code JobClaims}) that keeps a scheduled job single across nodes.
 */
package org.peersupport.portal.platform;
