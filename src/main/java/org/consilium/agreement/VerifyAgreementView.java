package org.consilium.agreement;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import org.consilium.ui.Formats;

/** Anyone signed in uploads a PDF and learns whether it is an executed agreement of the portal, and unaltered. */
@Route("agreements/verify")
@PageTitle("Verify an agreement · Consilium")
@Menu(title = "Verify an agreement", order = 5, icon = "CHECK_SQUARE_O")
@PermitAll
class VerifyAgreementView extends Div {

    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final Div result = new Div();

    VerifyAgreementView(AgreementService agreements) {
        addClassName("page");
        result.setId("verification-result");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            Verification verification = agreements.verify(bytes);
            getUI().ifPresent(ui -> ui.access(() -> show(metadata.fileName(), verification)));
        }));
        upload.setId("verify-upload");
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> show(e.getFileName(), null));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        add(new H2("Verify a data-access agreement"),
                new Paragraph("Upload a PDF to learn whether it is an executed agreement issued by Consilium,"
                        + " which one, and whether it has been altered since it was signed. The file is compared"
                        + " by its SHA-256 fingerprint and is not kept."), upload, result);
    }

    private void show(String fileName, Verification v) {
        result.removeAll();
        if (v == null) {
            result.add(new Paragraph(fileName + ": only PDF files of at most 20 MB can be verified."));
            return;
        }
        Span verdict = new Span(v.message());
        verdict.getElement().getThemeList().add("badge");
        verdict.getElement().getThemeList().add(v.outcome() == Verification.Outcome.EXECUTED_AGREEMENT ? "success"
                : v.outcome() == Verification.Outcome.UNSIGNED_VERSION ? "contrast" : "error");
        verdict.getElement().setAttribute("data-outcome", v.outcome().name());
        verdict.addClassName("verdict");
        result.add(new Paragraph(fileName), new Paragraph(verdict));
        if (v.executedAt() != null) {
            result.add(new Paragraph("Executed " + Formats.dateTime(v.executedAt()) + "."));
        }
        v.signatures().forEach(s -> result.add(new Paragraph(s.party() + ": " + s.signerName() + ", "
                + s.organisation() + ", " + Formats.dateTime(s.signedAt()) + " — \"" + s.meaning() + "\"")));
        Paragraph sha = new Paragraph("SHA-256 of the uploaded file: " + v.sha256());
        sha.addClassName("fingerprint");
        result.add(sha);
    }
}
