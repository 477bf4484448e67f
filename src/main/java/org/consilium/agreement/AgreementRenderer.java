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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Renders a data-access agreement, and the signature page added to it at execution, as PDF.
 *
 * <p>Thymeleaf (XML mode) fills the XHTML templates in {@code resources/agreement/}; every value typed by a user
 * goes through {@code th:text}, so it is escaped. Flying Saucer lays the XHTML out and OpenPDF writes the PDF with
 * Liberation Sans and Mono embedded (subsets, Identity-H), so Greek, Cyrillic and every Latin accent render and can
 * be copied out of the document.
 *
 * <p>Thread-safe: the template engine and the parsed fonts are shared and read-only; a Flying Saucer renderer is
 * built per document because it is not.
 */
@Component
public class AgreementRenderer {

    /** The family names the stylesheet asks for; they must match the names the fonts are registered under. */
    static final String SANS_FAMILY = "Liberation Sans";
    static final String MONO_FAMILY = "Liberation Mono";

    private static final DateTimeFormatter UTC_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int FINGERPRINT_GROUP = 16;

    private final TemplateEngine templates;

    public AgreementRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(AgreementRenderer.class.getClassLoader());
        resolver.setPrefix("agreement/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
        // Parse the fonts now rather than at the first signature: a missing font jar fails the start-up.
        EmbeddedFonts.families();
    }

    /** The agreement to be signed, with its fonts embedded. */
    public byte[] renderAgreement(AgreementTerms terms) {
        return renderAgreement(terms, true);
    }

    /**
     * @param embedFonts {@code false} renders the same template with PDF's built-in Helvetica (nothing embedded,
     *                   Latin-1 only); the rendering benchmark compares the two
     */
    byte[] renderAgreement(AgreementTerms terms, boolean embedFonts) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(agreementModel(terms));
        return render("agreement", context, embedFonts);
    }

    /**
     * The one-page record of the signatures, appended to the signed PDF when the agreement is executed.
     *
     * @param executedAt when the last signature made the agreement binding
     */
    public byte[] renderSignaturePage(AgreementTerms terms, List<SignatureLine> signatures, Instant executedAt) {
        Map<String, Object> model = headerModel(terms);
        model.put("executedAt", UTC_SECONDS.format(executedAt));
        model.put("signatures", signatures.stream().map(AgreementRenderer::signatureModel).toList());
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(model);
        return render("signature-page", context, true);
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

    private static Map<String, Object> headerModel(AgreementTerms terms) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", text(terms.reference()));
        model.put("version", terms.version());
        model.put("documentTitle", "Data-access agreement " + text(terms.reference()) + " — version " + terms.version());
        String project = blankToNull(terms.title());
        model.put("subject", "Data-access agreement between " + text(terms.foundation().name()) + " and "
                + text(terms.leadOrganisation().name()) + (project == null ? "" : " for the project " + project));
        model.put("marker", terms.marker());
        model.put("foundation", party(terms.foundation()));
        model.put("lead", party(terms.leadOrganisation()));
        model.put("title", text(terms.title()));
        model.put("acronym", blankToNull(terms.acronym()));
        return model;
    }

    private static Map<String, Object> agreementModel(AgreementTerms terms) {
        Map<String, Object> model = headerModel(terms);
        model.put("generatedAt", terms.generatedAt() == null ? null : UTC_MINUTES.format(terms.generatedAt()));
        model.put("generatedBy", blankToNull(terms.generatedBy()));
        model.put("principalInvestigator", orNotStated(terms.principalInvestigator()));
        model.put("diseaseAreas", texts(terms.diseaseAreas()));
        model.put("dataCategories", texts(terms.dataCategories()));
        model.put("dataLevel", orNotStated(terms.dataLevel()));
        model.put("cohortSize", terms.estimatedCohortSize() == null ? "not stated"
                : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(terms.estimatedCohortSize()) + " patients");
        model.put("aiModelling", terms.aiModelling() ? "Yes" : "No");
        model.put("objectives", paragraphs(terms.objectives()));
        model.put("expectedOutputs", texts(terms.expectedOutputs()));
        model.put("ethicsConditions", paragraphs(terms.ethicsConditions()));
        List<Map<String, Object>> recommendations = new ArrayList<>();
        for (AgreementTerms.Recommendation r : terms.patientRecommendations() == null
                ? List.<AgreementTerms.Recommendation>of() : terms.patientRecommendations()) {
            recommendations.add(Map.of("organisation", text(r.organisation()), "paragraphs", paragraphs(r.text())));
        }
        model.put("recommendations", recommendations);
        model.put("accessPeriod", terms.accessMonths() == 1 ? "1 month" : terms.accessMonths() + " months");
        return model;
    }

    private static Map<String, Object> party(AgreementTerms.Party party) {
        return Map.of("name", text(party.name()), "country", countryName(party.country()));
    }

    private static Map<String, Object> signatureModel(SignatureLine line) {
        return Map.of(
                "party", text(line.party()),
                "signerName", text(line.signerName()),
                "organisation", text(line.organisation()),
                "meaning", text(line.meaning()),
                "signedAt", line.signedAt() == null ? "" : UTC_SECONDS.format(line.signedAt()),
                "fingerprint", String.join(" ", fingerprintGroups(line.documentSha256())));
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

    /** "NL" becomes "Netherlands"; anything that is not an ISO code is shown as stored. */
    static String countryName(String country) {
        String value = text(country);
        if (value.length() == 2 && ISO_COUNTRIES.contains(value.toUpperCase(Locale.ROOT))) {
            return new Locale("", value.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
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

    private static String orNotStated(String value) {
        String v = blankToNull(value);
        return v == null ? "not stated" : v;
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
