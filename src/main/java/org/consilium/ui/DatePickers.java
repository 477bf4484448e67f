package org.consilium.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A date picker's calendar in the user's language: month and day names from the JDK, the first day of the week,
 * and its two buttons from the translation files. Vaadin's own texts are English only.
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker localized(DatePicker picker) {
        Locale locale = Translations.locale();
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12));
        // DateFormatSymbols lists weekdays from index 1 (Sunday); the picker wants them from Sunday too.
        i18n.setWeekdays(List.of(symbols.getWeekdays()).subList(1, 8));
        i18n.setWeekdaysShort(List.of(symbols.getShortWeekdays()).subList(1, 8));
        // French weeks start on Monday; English keeps the picker's Sunday. (0 is Sunday for the picker.)
        i18n.setFirstDayOfWeek(Translations.FRENCH.getLanguage().equals(locale.getLanguage())
                ? DayOfWeek.MONDAY.getValue() : 0);
        i18n.setToday(Translations.t("datePicker.today"));
        i18n.setCancel(Translations.t("datePicker.cancel"));
        picker.setI18n(i18n);
        picker.setLocale(locale);
        return picker;
    }
}
