package org.consilium.agreement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Assembles the executed agreement (the signed PDF's pages, then the signature page) and reads the
 * marker by which verification recognises the portal's agreements.
 */
final class ExecutedAgreements {

    private static final Pattern MARKER = Pattern.compile("consilium-agreement:([A-Z0-9-]{1,40}):v(\\d{1,9})\\b");

    /** What a PDF claims to be, from its keywords. */
    record Claim(String reference, int version) {
    }

    private ExecutedAgreements() {
    }

    static byte[] assemble(byte[] signedPdf, byte[] signaturePage, String marker, String signedSha256) {
        try (PDDocument signed = Loader.loadPDF(signedPdf); PDDocument page = Loader.loadPDF(signaturePage)) {
            new PDFMergerUtility().appendDocument(signed, page);
            signed.getDocumentInformation().setKeywords(marker + " executed");
            signed.getDocumentInformation().setCustomMetadataValue("ConsiliumSignedDocumentSha256", signedSha256);
            ByteArrayOutputStream out = new ByteArrayOutputStream(signedPdf.length + signaturePage.length);
            signed.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The executed agreement could not be assembled", e);
        }
    }

    /** Empty if the PDF makes no claim; throws {@link IOException} if it is no readable PDF. */
    static Optional<Claim> claimOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String keywords = document.getDocumentInformation().getKeywords();
            if (keywords == null) {
                return Optional.empty();
            }
            Matcher m = MARKER.matcher(keywords);
            return m.find() ? Optional.of(new Claim(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
        }
    }
}
