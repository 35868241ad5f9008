package org.peersupport.portal.course.boundary;

/** An exercise file as a lesson lists it; download it through {@code CourseCatalog.exerciseFile(id)}. */
public record ExerciseFileView(long id, String title, String description, String fileName, String mediaType, long size) {
}
