/**
 * The course feature's boundaries: {@link org.peersupport.portal.course.boundary.CourseCatalog} for everyone
 * who reads courses, {@link org.peersupport.portal.course.boundary.CourseAdministration} for coordinators, the
 * view records they return, and the demo run's course loader.
 */
package org.peersupport.portal.course.boundary;
