package org.consilium.agreement;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Renders a data-access agreement, and the signature page added to it at execution, as PDF, in English or French.
 *
 * <p>Thymeleaf (XML mode) fills the XHTML templates in {@code resources/agreement/}; every value typed by a user
 * goes through {@code th:text}, so it is escaped. Flying Saucer lays the XHTML out and OpenPDF writes the PDF with
 * Liberation Sans and Mono embedded (subsets, Identity-H), so Greek, Cyrillic and every Latin accent render and can
 * be copied out of the document.
 *
 * <p>The words of the document are {@code #{agreement.pdf.*}} messages read from Spring's message source, i.e. the
 * portal's translation files ({@code i18n/messages*.properties}, keys {@code agreement.pdf.*}), not from files beside the templates: one set of
 * files for translators, and {@code TranslationsTest} checks that French says every clause English says, with the
 * same placeholders. A missing text fails the rendering rather than putting a key into a legal document. Dates are
 * in UTC, named, as suits a document signed across time zones: ISO in English, "1er avril 2025 à 08:15 UTC" in
 * French.
 *
 * <p>Thread-safe: the template engine and the parsed fonts are shared and read-only; a Flying Saucer renderer is
 * built per document because it is not.
 */
@Component
public class AgreementRenderer {

    /** The family names the stylesheet asks for; they must match the names the fonts are registered under. */
    static final String SANS_FAMILY = "Liberation Sans";
    static final String MONO_FAMILY = "Liberation Mono";

    /** The obligations of clause 8, in order; each has a title and a text in the messages. */
    static final List<String> OBLIGATIONS = List.of("reidentification", "security", "acknowledgement", "results",
            "reporting", "destruction");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int FINGERPRINT_GROUP = 16;
    private static final char NO_BREAK_SPACE = '\u00a0';

    private final TemplateEngine templates;
    private final MessageSource messages;

    public AgreementRenderer(MessageSource messages) {
        this.messages = messages;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(AgreementRenderer.class.getClassLoader());
        resolver.setPrefix("agreement/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
        templates.setMessageResolver(new Messages(messages));
        // Parse the fonts now rather than at the first signature: a missing font jar fails the start-up.
        EmbeddedFonts.families();
    }

    /** The agreement to be signed, in the given language, with its fonts embedded. */
    public byte[] renderAgreement(AgreementTerms terms, Locale language) {
        return renderAgreement(terms, language, true);
    }

    /** In English. */
    byte[] renderAgreement(AgreementTerms terms) {
        return renderAgreement(terms, Locale.ENGLISH, true);
    }

    /**
     * @param embedFonts {@code false} renders the same template with PDF's built-in Helvetica (nothing embedded,
     *                   Latin-1 only); the rendering benchmark compares the two
     */
    byte[] renderAgreement(AgreementTerms terms, Locale language, boolean embedFonts) {
        Context context = new Context(language);
        context.setVariables(agreementModel(terms, language));
        return render("agreement", context, embedFonts);
    }

    /**
     * The one-page record of the signatures, appended to the signed PDF when the agreement is executed, in the
     * language of the signed version.
     *
     * @param executedAt when the last signature made the agreement binding
     */
    public byte[] renderSignaturePage(AgreementTerms terms, List<SignatureLine> signatures, Instant executedAt,
                                      Locale language) {
        Map<String, Object> model = headerModel(terms, language);
        model.put("executedAt", utc(executedAt, language, true));
        model.put("signatures", signatures.stream().map(line -> signatureModel(line, language)).toList());
        Context context = new Context(language);
        context.setVariables(model);
        return render("signature-page", context, true);
    }

    /**
     * The executed agreement: the signed PDF's pages, then the signature page, marked as executed. Here with the
     * renderings because it is the third PDF the portal makes: whoever times or replaces the making of PDFs finds
     * all three in one place.
     */
    public byte[] assembleExecutedAgreement(byte[] signedPdf, byte[] signaturePage, String marker,
                                            String signedSha256) {
        return ExecutedAgreements.assemble(signedPdf, signaturePage, marker, signedSha256);
    }

    /** In English. */
    byte[] renderSignaturePage(AgreementTerms terms, List<SignatureLine> signatures, Instant executedAt) {
        return renderSignaturePage(terms, signatures, executedAt, Locale.ENGLISH);
    }

    private byte[] render(String template, Context context, boolean embedFonts) {
        try {
            String xhtml = templates.process(template, context);
            ITextRenderer renderer = new ITextRenderer();
            if (embedFonts) {
                renderer.getFontResolver().getFonts().putAll(EmbeddedFonts.families());
            }
            // No base URL: the templates reference no external resource (the stylesheet is a Thymeleaf fragment).
            renderer.setDocumentFromString(xhtml, null);
            renderer.layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            renderer.createPDF(out);
            return out.toByteArray();
        } catch (RuntimeException e) {
            // OpenPDF's DocumentException is unchecked, as are Thymeleaf's and Flying Saucer's exceptions.
            throw new IllegalStateException("The agreement could not be rendered", e);
        }
    }

    // The templates read maps: OGNL looks for JavaBean getters, which records do not have.

    private Map<String, Object> headerModel(AgreementTerms terms, Locale language) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", language.getLanguage());
        model.put("reference", text(terms.reference()));
        model.put("version", terms.version());
        model.put("documentTitle", translate("agreement.pdf.documentTitle", language, text(terms.reference()),
                String.valueOf(terms.version())));
        String project = blankToNull(terms.title());
        String foundation = text(terms.foundation().name());
        String lead = text(terms.leadOrganisation().name());
        model.put("subject", project == null ? translate("agreement.pdf.subject", language, foundation, lead)
                : translate("agreement.pdf.subjectWithProject", language, foundation, lead, project));
        model.put("marker", terms.marker());
        model.put("foundation", party(terms.foundation(), language));
        model.put("lead", party(terms.leadOrganisation(), language));
        model.put("title", text(terms.title()));
        model.put("acronym", blankToNull(terms.acronym()));
        return model;
    }

    private Map<String, Object> agreementModel(AgreementTerms terms, Locale language) {
        Map<String, Object> model = headerModel(terms, language);
        model.put("generatedAt", terms.generatedAt() == null ? null : utc(terms.generatedAt(), language, false));
        model.put("generatedBy", blankToNull(terms.generatedBy()));
        String notStated = translate("agreement.pdf.notStated", language);
        model.put("principalInvestigator", orElse(terms.principalInvestigator(), notStated));
        model.put("diseaseAreas", texts(terms.diseaseAreas()));
        model.put("dataCategories", texts(terms.dataCategories()));
        model.put("dataLevel", orElse(terms.dataLevel(), notStated));
        model.put("cohortSize", terms.estimatedCohortSize() == null ? notStated
                : translate("agreement.pdf.patients", language, number(terms.estimatedCohortSize(), language)));
        model.put("aiModelling", translate(terms.aiModelling() ? "agreement.pdf.yes" : "agreement.pdf.no", language));
        model.put("objectives", paragraphs(terms.objectives()));
        model.put("expectedOutputs", texts(terms.expectedOutputs()));
        model.put("ethicsConditions", paragraphs(terms.ethicsConditions()));
        List<Map<String, Object>> recommendations = new ArrayList<>();
        for (AgreementTerms.Recommendation r : terms.patientRecommendations() == null
                ? List.<AgreementTerms.Recommendation>of() : terms.patientRecommendations()) {
            recommendations.add(Map.of("organisation", text(r.organisation()), "paragraphs", paragraphs(r.text())));
        }
        model.put("recommendations", recommendations);
        model.put("accessPeriod", translate("agreement.pdf.months", language, terms.accessMonths()));
        model.put("obligations", OBLIGATIONS);
        return model;
    }

    private static Map<String, Object> party(AgreementTerms.Party party, Locale language) {
        return Map.of("name", text(party.name()), "country", countryName(party.country(), language));
    }

    private Map<String, Object> signatureModel(SignatureLine line, Locale language) {
        return Map.of(
                "party", line.party() == null ? "" : translate(line.party().key(), language),
                "signerName", text(line.signerName()),
                "organisation", text(line.organisation()),
                "meaning", text(line.meaning()),
                "signedAt", line.signedAt() == null ? "" : utc(line.signedAt(), language, true),
                "fingerprint", String.join(" ", fingerprintGroups(line.documentSha256())));
    }

    private String translate(String key, Locale language, Object... args) {
        return messages.getMessage(key, args, language);
    }

    /**
     * A moment as the document states it, always in UTC and saying so: "2025-04-01 08:15:00 UTC" in English (as
     * the portal's English agreements always did), "1er avril 2025 à 08:15:00 UTC" in French.
     */
    static String utc(Instant at, Locale language, boolean seconds) {
        ZonedDateTime time = at.atZone(ZoneOffset.UTC);
        String clock = DateTimeFormatter.ofPattern(seconds ? "HH:mm:ss" : "HH:mm", Locale.ROOT).format(time);
        if (Locale.FRENCH.getLanguage().equals(language.getLanguage())) {
            // French writes the first of the month as an ordinal, and keeps day, month and year on one line.
            String day = time.getDayOfMonth() == 1 ? "1er" : String.valueOf(time.getDayOfMonth());
            return day + NO_BREAK_SPACE + DateTimeFormatter.ofPattern("MMMM", Locale.FRENCH).format(time)
                    + NO_BREAK_SPACE + time.getYear() + " à " + clock + " UTC";
        }
        return DateTimeFormatter.ISO_LOCAL_DATE.format(time) + " " + clock + " UTC";
    }

    /** "2,400" in English, "2 400" in French (a no-break space: the narrow one Java uses is not in every font). */
    static String number(int value, Locale language) {
        return NumberFormat.getIntegerInstance(language).format(value).replace('\u202f', NO_BREAK_SPACE);
    }

    /** 64 hex digits may not fit on one line of the signature block; groups of 16 let it break between groups. */
    static List<String> fingerprintGroups(String hex) {
        String digits = text(hex).toLowerCase(Locale.ROOT);
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < digits.length(); i += FINGERPRINT_GROUP) {
            groups.add(digits.substring(i, Math.min(digits.length(), i + FINGERPRINT_GROUP)));
        }
        return groups;
    }

    /** "NL" becomes "Netherlands" ("Pays-Bas" in French); anything that is not an ISO code is shown as stored. */
    static String countryName(String country, Locale language) {
        String value = text(country);
        if (value.length() == 2 && ISO_COUNTRIES.contains(value.toUpperCase(Locale.ROOT))) {
            return new Locale("", value.toUpperCase(Locale.ROOT)).getDisplayCountry(language);
        }
        return value;
    }

    /** Typed text split at blank lines; single line breaks stay inside a paragraph (CSS {@code pre-line}). */
    static List<String> paragraphs(String typed) {
        String value = text(typed).replace("\r\n", "\n").replace('\r', '\n').strip();
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split("\n[ \t]*\n\\s*")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static List<String> texts(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(AgreementRenderer::text).filter(v -> !v.isBlank()).toList();
    }

    private static String orElse(String value, String otherwise) {
        String v = blankToNull(value);
        return v == null ? otherwise : v;
    }

    private static String blankToNull(String value) {
        String v = text(value).strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * Null becomes empty, and characters XML 1.0 forbids (control characters pasted from other programs) are
     * dropped: Thymeleaf escapes markup, but one such character would still make the XHTML unreadable.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder clean = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && clean == null) {
                clean = new StringBuilder(value.length()).append(value, 0, i);
            } else if (allowed && clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? value : clean.toString();
    }

    /** Thymeleaf's {@code #{key(args)}} answered by Spring's message source, in the context's language. */
    private static final class Messages implements IMessageResolver {

        private final MessageSource source;

        Messages(MessageSource source) {
            this.source = source;
        }

        @Override
        public String getName() {
            return "consilium-messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            return source.getMessage(key, parameters, null, context.getLocale());
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                        Object[] parameters) {
            throw new IllegalStateException("No text for " + key + " in " + context.getLocale());
        }
    }

    /**
     * Liberation Sans (regular, bold, italic, bold italic) for the text and Liberation Mono for fingerprints, read
     * from the openpdf-fonts-extra jar and parsed once per JVM. The families (Flying Saucer's font descriptions
     * around OpenPDF {@link BaseFont}s) are shared by every document: OpenPDF records which glyphs a document used
     * in that document's writer, not in the font, so one font serves concurrent renderings. Registering the files
     * per document instead would read and parse 1.9 MB of fonts for each PDF.
     */
    private static final class EmbeddedFonts {

        private static final Map<String, List<String>> FILES = Map.of(
                SANS_FAMILY, List.of("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
                        "liberation/LiberationSans-Italic.ttf", "liberation/LiberationSans-BoldItalic.ttf"),
                MONO_FAMILY, List.of("liberation/LiberationMono-Regular.ttf"));
        private static final Map<String, FontFamily> FAMILIES = load();

        static Map<String, FontFamily> families() {
            return FAMILIES;
        }

        private static Map<String, FontFamily> load() {
            // A resolver of our own, used once, builds the families; font descriptions are immutable.
            ITextFontResolver registry = new ITextFontResolver();
            Map<String, FontFamily> families = new LinkedHashMap<>();
            FILES.forEach((familyName, resources) -> {
                for (String resource : resources) {
                    try {
                        BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                                BaseFont.NOT_CACHED, read(resource), null);
                        // Flying Saucer reads weight and underline metrics again from the resource name; OpenPDF
                        // looks a name that is no file up on the class path, so this works inside a jar too.
                        registry.addFont(font, resource, familyName);
                    } catch (DocumentException | IOException e) {
                        throw new IllegalStateException("The font " + resource + " could not be loaded", e);
                    }
                }
                FontFamily family = registry.getFonts().get(familyName);
                if (family == null || family.getFontDescriptions().size() != resources.size()) {
                    throw new IllegalStateException("The font family " + familyName + " was not registered");
                }
                families.put(familyName, family);
            });
            return Map.copyOf(families);
        }

        private static byte[] read(String resource) {
            try (InputStream in = AgreementRenderer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The font " + resource + " is not on the class path"
                            + " (dependency com.github.librepdf:openpdf-fonts-extra)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
