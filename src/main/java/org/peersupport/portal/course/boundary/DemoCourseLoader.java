package org.peersupport.portal.course.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.CoursePackageException;
import org.peersupport.portal.course.control.CoursePackageReader;
import org.peersupport.portal.course.control.CourseVersions;
import org.peersupport.portal.course.control.LoadedCoursePackage;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * The demo run's course: with {@code portal.demo=true} and {@code portal.demo.course-package} naming a package
 * folder, imports and publishes that package once, unless a course with its code exists already. Production
 * never does this: there a coordinator uploads the package.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class DemoCourseLoader {

    static final String ACTOR = "system (demo course loader)";

    private static final Logger LOG = Logger.getLogger(DemoCourseLoader.class.getName());

    @Inject
    PortalConfig config;

    @Inject
    CourseVersions versions;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        Optional<String> folder = config.value(PortalSetting.DEMO_COURSE_PACKAGE);
        if (!config.demo() || folder.isEmpty()) {
            return;
        }
        try (LoadedCoursePackage loaded = new CoursePackageReader().read(Path.of(folder.get()))) {
            String code = loaded.coursePackage().code();
            if (versions.exists(code)) {
                LOG.info(() -> "Demo course " + code + " is already loaded");
                return;
            }
            Instant now = Instant.now(clock);
            Course course = versions.importPackage(loaded, now);
            versions.publish(course, now);
            audit.fire(AuditEvent.by(ACTOR, "COURSE_IMPORTED", "Course", course.getId(), code + " version "
                    + course.getVersionNumber() + " from " + folder.get()));
            audit.fire(AuditEvent.by(ACTOR, "COURSE_PUBLISHED", "Course", course.getId(), code + " version "
                    + course.getVersionNumber()));
            LOG.info(() -> "Demo course " + code + " imported and published with " + course.getSessions().size() + " sessions");
        } catch (CoursePackageException e) {
            LOG.log(Level.SEVERE, "The demo course package in " + folder.get() + " cannot be used:\n" + e.getMessage());
        } catch (BusinessException e) {
            LOG.log(Level.SEVERE, "The demo course package in " + folder.get() + " cannot be used: " + e.getMessage()
                    + "\n" + String.join("\n", e.details()));
        }
    }
}
