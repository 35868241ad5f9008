package org.peersupport.portal.candidate.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AgreementTextTest {

    @Test
    void issue4_theAgreementsHeadingsFollowThePageHeadingAndItsOwnTitleIsDropped() {
        String html = "<h1>Confidentiality and participation agreement</h1><p>By taking part I agree:</p>"
                + "<h2>Confidentiality</h2><p>What is shared stays here.</p><h3>Exceptions</h3><p>Risk of harm.</p>";
        assertEquals("<p>By taking part I agree:</p><h5>Confidentiality</h5><p>What is shared stays here.</p>"
                + "<h6>Exceptions</h6><p>Risk of harm.</p>", AgreementText.under(html, 4));
        assertEquals("<p>a</p><h3>b</h3>", AgreementText.under("<p>a</p><h1>b</h1>", 2), "a later h1 is kept, moved down");
        assertEquals("<h5>Confidentiality</h5><p>x</p>", AgreementText.under("<h2>Confidentiality</h2><p>x</p>", 4),
                "a first heading that is not the agreement's title stays");
    }

    @Test
    void issue4_theAgreementIsSanitisedAndNothingIsNothing() {
        assertEquals("<p>Agree</p>", AgreementText.under("<p onclick=\"steal()\">Agree</p><script>steal()</script>", 4));
        assertNull(AgreementText.under(null, 4));
        assertNull(AgreementText.under("  ", 4));
    }
}
