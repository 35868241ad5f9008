package org.peersupport.portal.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.util.ResourceBundle;
import org.peersupport.portal.platform.control.ControlCharacters;

/**
 * Every text field of every form (Faces uses a converter registered for {@code String} for each input whose value is
 * a String): a value holding a control character ({@link ControlCharacters}) is refused with a message next to the
 * field, and the field keeps what was typed, as for any other conversion problem.
 */
@FacesConverter(forClass = String.class)
public class TextConverter implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (ControlCharacters.refused(value)) {
            String text = ResourceBundle.getBundle(Messages.BUNDLE, context.getViewRoot() == null
                    ? context.getExternalContext().getRequestLocale() : context.getViewRoot().getLocale())
                    .getString("input.controlCharacters");
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
