package org.peersupport.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture docs/architecture.md describes, checked on the portal's main classes: features depend one way,
 * in the order of {@link #FEATURES}; entities never depend on boundaries; and controls never own a transaction.
 */
class ArchitectureTest {

    static final String PORTAL = "org.peersupport.portal";

    /** The features in their one direction: each may use only those before it. */
    static final List<String> FEATURES = List.of("platform", "audit", "identity", "notice", "course", "candidate",
            "portfolio", "assessment", "reporting", "governance");

    /**
     * The controls that own a transaction, each for a reason the transaction cannot be the caller's. Anything
     * added here needs a reason as strong.
     */
    static final Map<String, String> CONTROLS_OWNING_A_TRANSACTION = Map.of(
            PORTAL + ".platform.control.JobClaims",
            "a scheduled job's claim on a day must commit before the job's work starts, so other nodes see it, and"
                    + " its release must commit although the work failed",
            PORTAL + ".assessment.control.PasswordCheck",
            "a sign-off's password check and its refusal must stay in the audit trail although the refused"
                    + " sign-off rolls back");

    static JavaClasses portal;

    @BeforeAll
    static void importPortal() {
        portal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PORTAL);
    }

    @Test
    void noCyclesBetweenFeatures() {
        slices().matching(PORTAL + ".(*)..").should().beFreeOfCycles().check(portal);
    }

    @Test
    void eachFeatureUsesOnlyTheFeaturesBeforeIt() {
        classes().that().resideInAPackage(PORTAL + "..")
                .should(new ArchCondition<JavaClass>("depend only on their own feature and the features before it "
                        + FEATURES) {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        int own = feature(item).map(FEATURES::indexOf).orElse(-1);
                        if (own < 0) {
                            events.add(SimpleConditionEvent.violated(item,
                                    item.getName() + " is in no feature of " + FEATURES));
                            return;
                        }
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            int target = feature(dependency.getTargetClass()).map(FEATURES::indexOf).orElse(-1);
                            if (target > own) {
                                events.add(SimpleConditionEvent.violated(dependency, FEATURES.get(own) + " uses "
                                        + FEATURES.get(target) + ": " + dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(portal);
    }

    @Test
    void entitiesDoNotDependOnBoundaries() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .check(portal);
    }

    @Test
    void controlsDoNotOwnATransaction() {
        classes().that().resideInAPackage("..control..")
                .should(new ArchCondition<JavaClass>("join their caller's transaction rather than own one"
                        + " (no session bean, no @Transactional or @TransactionAttribute but MANDATORY, SUPPORTS or"
                        + " NEVER, no UserTransaction), but for the exceptions named with their reasons") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (CONTROLS_OWNING_A_TRANSACTION.containsKey(item.getName())) {
                            return;
                        }
                        for (String bean : List.of("jakarta.ejb.Stateless", "jakarta.ejb.Stateful",
                                "jakarta.ejb.Singleton", "jakarta.ejb.MessageDriven")) {
                            if (item.isAnnotatedWith(bean)) {
                                events.add(SimpleConditionEvent.violated(item, item.getName() + " is a session bean ("
                                        + bean + "), which starts a transaction of its own by default"));
                            }
                        }
                        ownsATransaction(item, item.getName(), events);
                        item.getMethods().forEach(method -> ownsATransaction(method, method.getFullName(), events));
                        for (JavaField field : item.getFields()) {
                            if (field.getRawType().isAssignableTo("jakarta.transaction.UserTransaction")) {
                                events.add(SimpleConditionEvent.violated(field,
                                        field.getFullName() + " demarcates transactions with a UserTransaction"));
                            }
                        }
                    }
                })
                .check(portal);
    }

    /**
     * A view-scoped page bean lives in the session, which Payara reads and writes on every request: it holds the session
     * beans it calls as {@code SessionBeanRef} (one object in the session), not as injected references (about ten).
     */
    @Test
    void viewScopedBeansHoldNoInjectedSessionBean() {
        classes().that().areAnnotatedWith("jakarta.faces.view.ViewScoped")
                .should(new ArchCondition<JavaClass>("hold the session beans they call as SessionBeanRef") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (JavaField field : item.getAllFields()) {
                            JavaClass type = field.getRawType();
                            boolean sessionBean = List.of("jakarta.ejb.Stateless", "jakarta.ejb.Stateful",
                                    "jakarta.ejb.Singleton").stream().anyMatch(type::isAnnotatedWith);
                            if (sessionBean && !field.getModifiers().contains(JavaModifier.TRANSIENT)) {
                                events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                        + " keeps a reference to the session bean " + type.getSimpleName()
                                        + " in the session; hold it as SessionBeanRef"));
                            }
                        }
                    }
                })
                .check(portal);
    }

    /** Reports a {@code @Transactional} or {@code @TransactionAttribute} that starts or suspends a transaction. */
    static void ownsATransaction(HasAnnotations<?> annotated, String name, ConditionEvents events) {
        annotated.tryGetAnnotationOfType("jakarta.transaction.Transactional").ifPresent(annotation -> {
            String type = annotation.get("value").map(Object::toString).orElse("REQUIRED");
            if (!joinsOnly(type)) {
                events.add(SimpleConditionEvent.violated(annotated, name + " is @Transactional(" + type + ")"));
            }
        });
        annotated.tryGetAnnotationOfType("jakarta.ejb.TransactionAttribute").ifPresent(annotation -> {
            String type = annotation.get("value").map(Object::toString).orElse("REQUIRED");
            if (!joinsOnly(type)) {
                events.add(SimpleConditionEvent.violated(annotated, name + " is @TransactionAttribute(" + type + ")"));
            }
        });
    }

    static boolean joinsOnly(String transactionType) {
        return transactionType.endsWith("MANDATORY") || transactionType.endsWith("SUPPORTS")
                || transactionType.endsWith("NEVER");
    }

    static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(PORTAL + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(PORTAL.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
