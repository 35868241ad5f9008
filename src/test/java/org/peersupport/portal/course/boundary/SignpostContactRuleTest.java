package org.peersupport.portal.course.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.peersupport.portal.course.control.SignpostContact;
import org.peersupport.portal.platform.control.BusinessException;

/** The rule for a signposting contact as the content warning page and boundary apply it: messages, not stack traces. */
class SignpostContactRuleTest {

    @Test
    void blanksAreMissingAndTheRestIsTrimmed() {
        assertEquals(new SignpostContact("Samaritans", "116 123", null, null, null),
                ContentWarnings.contact(1, " Samaritans ", "116 123", " ", "", null));
    }

    @Test
    void aContactNeedsANameAndAWayToGetInTouch() {
        assertRefused("warning.contact.name.missing", "Give contact 2 a name.", () -> ContentWarnings.contact(2, " ", "116 123", null, null, null));
        assertRefused("warning.contact.phone.missing", "Give Samaritans a phone number, a text number or a web address.",
                () -> ContentWarnings.contact(1, "Samaritans", " ", null, "", "Free, any time."));
    }

    @Test
    void numbersAreDigitsAndWebAddressesAreHttp() {
        assertRefused("warning.contact.phone.format", "digits and spaces", () -> ContentWarnings.contact(1, "A", "call us", null, null, null));
        assertRefused("warning.contact.text.format", "digits and spaces", () -> ContentWarnings.contact(1, "A", null, "SHOUT", null, null));
        assertRefused("warning.contact.url.format", "https://", () -> ContentWarnings.contact(1, "A", null, null, "javascript:alert(1)", null));
        assertRefused("warning.contact.url.format", "https://", () -> ContentWarnings.contact(1, "A", null, null, "www.samaritans.org", null));
        assertEquals("http://example.org", ContentWarnings.contact(1, "A", null, null, "http://example.org", null).url());
    }

    private static void assertRefused(String key, String text, org.junit.jupiter.api.function.Executable call) {
        BusinessException refused = assertThrows(BusinessException.class, call);
        assertEquals(key, refused.key());
        assertEquals(true, refused.getMessage().contains(text), refused.getMessage());
        assertEquals(refused.getMessage(), org.peersupport.portal.platform.boundary.Messages.text(
                java.util.ResourceBundle.getBundle(org.peersupport.portal.platform.boundary.Messages.BUNDLE,
                        java.util.Locale.UK), refused), "the bundle's wording");
    }
}
