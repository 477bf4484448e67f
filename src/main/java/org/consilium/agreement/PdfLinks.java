package org.consilium.agreement;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.springframework.security.access.AccessDeniedException;

/** Links and previews of agreement PDFs; each request asks the service again, so access is checked each time. */
public final class PdfLinks {

    private PdfLinks() {
    }

    /** Opens the PDF in the browser (a new tab). */
    public static Anchor open(String label, SerializableSupplier<AgreementPdf> pdf) {
        Anchor link = new Anchor(handler(pdf).inline(), label);
        link.setTarget("_blank");
        return link;
    }

    public static Anchor download(String label, SerializableSupplier<AgreementPdf> pdf) {
        Anchor link = new Anchor(handler(pdf), label);
        link.getElement().setAttribute("download", true);
        return link;
    }

    /** The PDF shown in the page, by the browser's own viewer. */
    public static IFrame preview(String title, SerializableSupplier<AgreementPdf> pdf) {
        IFrame frame = new IFrame();
        frame.getElement().setAttribute("src", handler(pdf).inline());
        frame.getElement().setAttribute("title", title);
        frame.addClassName("pdf-preview");
        frame.setWidthFull();
        frame.setHeight("36rem");
        return frame;
    }

    private static com.vaadin.flow.server.streams.InputStreamDownloadHandler handler(
            SerializableSupplier<AgreementPdf> pdf) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                AgreementPdf file = pdf.get();
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                        "application/pdf", file.content().length);
            } catch (AccessDeniedException | AgreementRefused e) {
                return DownloadResponse.error(HttpStatusCode.FORBIDDEN, e.getMessage());
            }
        });
    }
}
