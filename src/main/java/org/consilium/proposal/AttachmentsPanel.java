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
import com.vaadin.flow.component.upload.UploadI18N;
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
        grid.addColumn(a -> Labels.of(a.kind())).setHeader(getTranslation("proposal.attachments.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::downloadLink).setHeader(getTranslation("proposal.attachments.file")).setFlexGrow(1);
        grid.addColumn(a -> Formats.fileSize(a.sizeBytes())).setHeader(getTranslation("proposal.attachments.size"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AttachmentInfo::pageCount).setHeader(getTranslation("proposal.attachments.pages"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.frozenInVersion() == null ? getTranslation("proposal.attachments.draft")
                        : getTranslation("proposal.attachments.sinceVersion", String.valueOf(a.frozenInVersion())))
                .setHeader(getTranslation("proposal.attachments.version")).setAutoWidth(true).setFlexGrow(0);
        if (editable) {
            grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("proposal.attachments.none"));
        grid.setItems(attachments);

        if (editable) {
            add(uploadBar());
        }
        add(grid);
    }

    private HorizontalLayout uploadBar() {
        Select<AttachmentKind> kind = new Select<>();
        kind.setLabel(getTranslation("proposal.attachments.nextKind"));
        kind.setItems(AttachmentKind.values());
        kind.setItemLabelGenerator(Labels::of);
        kind.setValue(AttachmentKind.PROTOCOL);
        kind.setId("attachment-kind");
        kind.setWidth("18em");

        Upload upload = new Upload(event -> {
            UI ui = event.getUI();
            AttachmentKind chosen = kind.getValue();
            try (InputStream in = event.getInputStream()) {
                AttachmentInfo stored = proposals.attach(proposalId, chosen, event.getFileName(), in);
                ui.access(() -> {
                    refresh();
                    Problems.success(getTranslation("proposal.attachments.attached", stored.fileName()));
                });
            } catch (AttachmentRejected | AccessDeniedException e) {
                ui.access(() -> Problems.show(getTranslation("proposal.attachments.refused", event.getFileName(),
                        e.getLocalizedMessage())));
            }
        });
        upload.setId("attachment-upload");
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, proposals.maxAttachmentBytes()));
        upload.setMaxFiles(10);
        String maxSize = Formats.fileSize(proposals.maxAttachmentBytes());
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("proposal.attachments.drop", maxSize)));
        upload.setI18n(uploadTexts(maxSize));
        upload.addFileRejectedListener(e -> Problems.show(getTranslation("proposal.attachments.rejected",
                e.getFileName(), e.getErrorMessage(), maxSize)));
        upload.addAllFinishedListener(e -> upload.clearFileList());

        HorizontalLayout bar = new HorizontalLayout(kind, upload);
        bar.setAlignItems(FlexComponent.Alignment.END);
        bar.setWidthFull();
        return bar;
    }

    /** The upload's own words (button, progress, errors), in the user's language. */
    private UploadI18N uploadTexts(String maxSize) {
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("proposal.upload.drop.one"))
                        .setMany(getTranslation("proposal.upload.drop.many")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("proposal.upload.add.one"))
                        .setMany(getTranslation("proposal.upload.add.many")))
                .setError(new UploadI18N.Error().setTooManyFiles(getTranslation("proposal.upload.error.tooMany"))
                        .setFileIsTooBig(getTranslation("proposal.upload.error.tooBig", maxSize))
                        .setIncorrectFileType(getTranslation("proposal.upload.error.type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(getTranslation("proposal.upload.status.connecting"))
                                .setStalled(getTranslation("proposal.upload.status.stalled"))
                                .setProcessing(getTranslation("proposal.upload.status.processing"))
                                .setHeld(getTranslation("proposal.upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(getTranslation("proposal.upload.remaining"))
                                .setUnknown(getTranslation("proposal.upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(getTranslation("proposal.upload.error.unavailable"))
                                .setUnexpectedServerError(getTranslation("proposal.upload.error.server"))
                                .setForbidden(getTranslation("proposal.upload.error.forbidden"))))
                .setFile(new UploadI18N.File().setRetry(getTranslation("proposal.upload.file.retry"))
                        .setStart(getTranslation("proposal.upload.file.start"))
                        .setRemove(getTranslation("proposal.upload.file.remove")))
                .setUnits(List.of(getTranslation("proposal.upload.units").split(",")));
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
        remove.setAriaLabel(getTranslation("proposal.attachments.removeNamed", attachment.fileName()));
        remove.setTooltipText(getTranslation("proposal.attachments.remove"));
        remove.setEnabled(attachment.removable());
        remove.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("proposal.attachments.removeTitle"),
                    getTranslation("proposal.attachments.removeText", attachment.fileName()),
                    getTranslation("proposal.attachments.remove"), ok -> {
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
