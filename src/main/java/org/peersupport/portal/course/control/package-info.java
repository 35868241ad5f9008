/**
 * Course packages: the immutable model of a course as delivered in a folder or ZIP
 * (a YAML manifest plus Markdown and exercise files, see docs/course-packages.md), and the
 * reader and writer for format version 1. Plain Java, no container needed.
 */
package org.peersupport.portal.course.control;
