package org.peersupport.portal.course.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session (lesson) of the course.
 *
 * @param number         its place in the course, from 1
 * @param slug           a short lower-case name for addresses, e.g. {@code what-is-recovery}, unique in the package
 * @param title          the session's title
 * @param aims           the session's aims as plain text
 * @param aboutMarkdown  the "About Lesson" body as Markdown
 * @param exerciseFiles  files a candidate can download for this session
 * @param contentWarning the content warning with signposting, or {@code null} when the session has none
 */
public record PackageSession(int number, String slug, String title, String aims, String aboutMarkdown,
        List<ExerciseFile> exerciseFiles, ContentWarning contentWarning) {

    public PackageSession {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(aims, "aims");
        Objects.requireNonNull(aboutMarkdown, "aboutMarkdown");
        exerciseFiles = exerciseFiles == null ? List.of() : List.copyOf(exerciseFiles);
    }

    public Optional<ContentWarning> warning() {
        return Optional.ofNullable(contentWarning);
    }
}
