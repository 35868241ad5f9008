/**
 * Courses as the portal stores them: versions with units, sessions, glossary, resources and assessment tasks;
 * exercise files with their bytes in database chunks; and each person's pinned version and lesson progress.
 */
package org.peersupport.portal.course.entity;
