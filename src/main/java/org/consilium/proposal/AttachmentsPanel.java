package org.consilium.proposal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.InputStream;
import java.util.List;
import org.consilium.ui.Formats;
import org.consilium.ui.Problems;
import org.springframework.security.access.AccessDeniedException;

/**
 * A proposal's PDFs: listed with download links; while the proposal is a draft, uploaded and removed.
 * An upload is kept at once, independent of saving the form.
 */
class AttachmentsPanel extends Div {

    private final ProposalService proposals;
    private final Long proposalId;
    private final Grid<AttachmentInfo> grid = new Grid<>();

    AttachmentsPanel(ProposalService proposals, Long proposalId, List<AttachmentInfo> attachments, boolean editable) {
        this.proposals = proposals;
        this.proposalId = proposalId;
        setWidthFull();

        grid.setId("attachments");
        grid.addColumn(a -> a.kind().label()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::downloadLink).setHeader("File").setFlexGrow(1);
        grid.addColumn(a -> Formats.fileSize(a.sizeBytes())).setHeader("Size").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AttachmentInfo::pageCount).setHeader("Pages").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.frozenInVersion() == null ? "draft" : "since version " + a.frozenInVersion())
                .setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        if (editable) {
            grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No documents attached.");
        grid.setItems(attachments);

        if (editable) {
            add(uploadBar());
        }
        add(grid);
    }

    private HorizontalLayout uploadBar() {
        Select<AttachmentKind> kind = new Select<>();
        kind.setLabel("Kind of the next document");
        kind.setItems(AttachmentKind.values());
        kind.setItemLabelGenerator(AttachmentKind::label);
        kind.setValue(AttachmentKind.PROTOCOL);
        kind.setId("attachment-kind");

        Upload upload = new Upload(event -> {
            UI ui = event.getUI();
            AttachmentKind chosen = kind.getValue();
            try (InputStream in = event.getInputStream()) {
                AttachmentInfo stored = proposals.attach(proposalId, chosen, event.getFileName(), in);
                ui.access(() -> {
                    refresh();
                    Problems.success("\"" + stored.fileName() + "\" is attached.");
                });
            } catch (AttachmentRejected | AccessDeniedException e) {
                ui.access(() -> Problems.show("\"" + event.getFileName() + "\" was not attached. " + e.getMessage()));
            }
        });
        upload.setId("attachment-upload");
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, proposals.maxAttachmentBytes()));
        upload.setMaxFiles(10);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("PDF only, at most "
                + Formats.fileSize(proposals.maxAttachmentBytes()) + " each"));
        upload.addFileRejectedListener(e -> Problems.show(e.getFileName() + ": " + e.getErrorMessage()
                + " Only PDF files of at most " + Formats.fileSize(proposals.maxAttachmentBytes()) + " are accepted."));
        upload.addAllFinishedListener(e -> upload.clearFileList());

        HorizontalLayout bar = new HorizontalLayout(kind, upload);
        bar.setAlignItems(FlexComponent.Alignment.END);
        bar.setWidthFull();
        return bar;
    }

    private void refresh() {
        grid.setItems(proposals.openDraft(proposalId).attachments());
    }

    private Anchor downloadLink(AttachmentInfo attachment) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                AttachmentDownload download = proposals.download(attachment.id());
                return new DownloadResponse(download.content().get(), download.fileName(), "application/pdf",
                        download.sizeBytes());
            } catch (AccessDeniedException e) {
                return DownloadResponse.error(HttpStatusCode.FORBIDDEN, e.getMessage());
            }
        }), attachment.fileName());
        link.getElement().setAttribute("download", true);
        return link;
    }

    private Button removeButton(AttachmentInfo attachment) {
        Button remove = new Button(VaadinIcon.TRASH.create());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + attachment.fileName());
        remove.setTooltipText("Remove");
        remove.setEnabled(attachment.removable());
        remove.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog("Remove document?",
                    "\"" + attachment.fileName() + "\" will be removed from this draft.", "Remove", ok -> {
                proposals.removeAttachment(proposalId, attachment.id());
                refresh();
            });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        return remove;
    }
}
