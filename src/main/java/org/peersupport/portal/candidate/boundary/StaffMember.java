package org.peersupport.portal.candidate.boundary;

import org.peersupport.portal.identity.control.DirectoryAccount;

/** A person found in the directory. */
public record StaffMember(String username, String displayName, String email, String jobTitle, String department) {

    static StaffMember of(DirectoryAccount account) {
        return new StaffMember(account.profile().username(), account.profile().displayName(), account.profile().email(),
                account.profile().jobTitle(), account.profile().department());
    }
}
