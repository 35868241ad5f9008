package org.peersupport.portal.identity.control;

import java.util.List;
import org.peersupport.portal.identity.entity.DirectoryProfile;

/** A person's entry as read from the directory: stable id, DN, profile and the DNs of their groups. */
public record DirectoryAccount(String stableId, String dn, DirectoryProfile profile, List<String> groupDns) {
}
