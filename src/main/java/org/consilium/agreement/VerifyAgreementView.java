package org.consilium.agreement;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import org.consilium.ui.Formats;

/** Anyone signed in uploads a PDF and learns whether it is an executed agreement of the portal, and unaltered. */
@Route("agreements/verify")
@Menu(title = "Verify an agreement", order = 5, icon = "CHECK_SQUARE_O")
@PermitAll
class VerifyAgreementView extends Div implements HasDynamicTitle {

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
        add(new H2(getTranslation("agreement.verify.heading")),
                new Paragraph(getTranslation("agreement.verify.intro")), upload, result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("agreement.verify.pageTitle");
    }

    private void show(String fileName, Verification v) {
        result.removeAll();
        if (v == null) {
            result.add(new Paragraph(getTranslation("agreement.verify.rejected", fileName)));
            return;
        }
        Span verdict = new Span(verdict(v));
        verdict.getElement().getThemeList().add("badge");
        verdict.getElement().getThemeList().add(v.outcome() == Verification.Outcome.EXECUTED_AGREEMENT ? "success"
                : v.outcome() == Verification.Outcome.UNSIGNED_VERSION ? "contrast" : "error");
        verdict.getElement().setAttribute("data-outcome", v.outcome().name());
        verdict.addClassName("verdict");
        result.add(new Paragraph(fileName), new Paragraph(verdict));
        if (v.executedAt() != null) {
            result.add(new Paragraph(getTranslation("agreement.verify.executedAt", Formats.dateTime(v.executedAt()))));
        }
        // The meaning is quoted as the signer confirmed it, in the language of the version signed.
        v.signatures().forEach(s -> result.add(new Paragraph(getTranslation("agreement.verify.signature",
                getTranslation(s.party().key()), s.signerName(), s.organisation(), Formats.dateTime(s.signedAt()),
                s.meaning()))));
        Paragraph sha = new Paragraph(getTranslation("agreement.verify.sha", v.sha256()));
        sha.addClassName("fingerprint");
        result.add(sha);
    }

    private String verdict(Verification v) {
        String version = String.valueOf(v.version());
        return switch (v.outcome()) {
            case EXECUTED_AGREEMENT -> getTranslation("agreement.verify.outcome.executed", v.reference(), version);
            case UNSIGNED_VERSION -> getTranslation("agreement.verify.outcome.unsigned", v.reference(), version);
            case ALTERED -> getTranslation("agreement.verify.outcome.altered", v.reference(), version);
            case UNKNOWN -> getTranslation("agreement.verify.outcome.unknown");
            case NOT_A_PDF -> getTranslation("agreement.verify.outcome.notPdf");
        };
    }
}
