/**
 * The course feature owns courses and their versions, sessions and lessons, the glossary,
 * course package import and export, and candidates' progress through the lessons.
 */
package org.peersupport.portal.course;
