package org.consilium.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A date picker's calendar in the user's language: month and day names from the JDK, weeks from Monday (the
 * foundation is European), and its date format and two buttons from the translation files: Vaadin's own texts are
 * English only, and its format for plain English is the American month first (12/1/2025 for 1 December).
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
        i18n.setFirstDayOfWeek(DayOfWeek.MONDAY.getValue());
        i18n.setDateFormat(Translations.t("datePicker.format"));
        i18n.setToday(Translations.t("datePicker.today"));
        i18n.setCancel(Translations.t("datePicker.cancel"));
        picker.setI18n(i18n);
        picker.setLocale(locale);
        return picker;
    }
}
