/**
 * The course feature's boundaries: {@link org.peersupport.portal.course.boundary.CourseCatalog} for everyone
 * who reads courses; for coordinators, one boundary per job: {@link CoursePackages} (import and export),
 * {@link CourseVersionAdministration} (versions, drafts and their details), {@link CourseSessions},
 * {@link ExerciseFiles}, {@link CourseGlossary}, {@link UsefulResources}, {@link CourseStructure} (units, outcomes,
 * evidence requirements, assessment tasks) and {@link ContentWarnings}; the view records they return, the pages'
 * backing beans, and the demo run's course loader.
 */
package org.peersupport.portal.course.boundary;
