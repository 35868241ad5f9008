package org.peersupport.portal.demo;

import org.peersupport.portal.support.RunAsCaller;

/**
 * One person of the demo story acting through the portal's boundaries. The class is declared once per person in
 * the demo WAR's {@code ejb-jar.xml}, each declaration with that person's role as its run-as role, and in
 * {@code glassfish-ejb-jar.xml} with their username as its run-as principal ({@link DemoWar}): a boundary called
 * through it sees that person as its caller, exactly as after their sign-in. {@code ejb-jar.xml} makes its calls
 * join the story's one transaction ({@code Mandatory}).
 */
public class DemoActor extends RunAsCaller {
}
