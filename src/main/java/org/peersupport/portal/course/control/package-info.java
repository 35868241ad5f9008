/**
 * Course packages: the immutable model of a course as delivered in a folder or ZIP
 * (a YAML manifest plus Markdown and exercise files, see docs/course-packages.md), and the
 * reader and writer for format version 1. Also the content rules every course shares: lesson
 * bodies as sanitised HTML, glossary links in lesson text, and uploads typed by their content.
 * Plain Java, no container needed.
 */
package org.peersupport.portal.course.control;
