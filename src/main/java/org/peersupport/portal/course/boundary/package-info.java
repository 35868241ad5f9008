/**
 * The course feature's boundaries: {@link org.peersupport.portal.course.boundary.CourseCatalog} for everyone
 * who reads courses, {@link org.peersupport.portal.course.boundary.CourseAdministration} and
 * {@link org.peersupport.portal.course.boundary.CourseStructure} (units, outcomes, evidence requirements, assessment
 * tasks, content warnings) for coordinators, the view records they return, the pages' backing beans, and the demo
 * run's course loader.
 */
package org.peersupport.portal.course.boundary;
