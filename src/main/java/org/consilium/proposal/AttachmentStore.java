package org.consilium.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Component;

/**
 * Keeps attachment bytes on disk, content-addressed by SHA-256 (write once, never changed; the same
 * file uploaded twice is kept once). A file is accepted only if PDFBox can open it as a PDF: the name
 * and the browser's content type prove nothing.
 */
@Component
class AttachmentStore {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path directory;
    private final long maxBytes;

    AttachmentStore(AttachmentProperties properties) {
        this.directory = properties.directory().toAbsolutePath().normalize();
        this.maxBytes = properties.maxSize().toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    StoredPdf store(InputStream content) {
        try {
            Files.createDirectories(directory);
            Path incoming = Files.createTempFile(directory, "upload-", ".part");
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                long size = copyAtMost(content, incoming, sha256);
                int pages = checkIsPdf(incoming);
                String hash = HexFormat.of().formatHex(sha256.digest());
                Path target = pathOf(hash);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return new StoredPdf(hash, size, pages);
            } finally {
                Files.deleteIfExists(incoming);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the attachment", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("The stored file " + sha256 + " is missing from " + directory, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256 + ".pdf");
    }

    private long copyAtMost(InputStream content, Path target, MessageDigest digest) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new AttachmentRejected("The file is larger than " + (maxBytes / (1024 * 1024))
                            + " MB. Attach a smaller PDF.", LocalizedText.message("proposal.attachment.tooLarge",
                            maxBytes / (1024 * 1024)));
                }
                out.write(buffer, 0, read);
            }
        }
        if (total == 0) {
            throw new AttachmentRejected("The file is empty.",
                    LocalizedText.message("proposal.attachment.empty"));
        }
        return total;
    }

    private int checkIsPdf(Path file) throws IOException {
        byte[] head = new byte[PDF_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length || !java.util.Arrays.equals(head, PDF_MAGIC)) {
                throw notAPdf();
            }
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new AttachmentRejected("The PDF has no pages.",
                        LocalizedText.message("proposal.attachment.noPages"));
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new AttachmentRejected("The PDF is protected by a password. Attach it without the password.",
                    LocalizedText.message("proposal.attachment.password"));
        } catch (IOException e) {
            throw notAPdf();
        }
    }

    private static AttachmentRejected notAPdf() {
        return new AttachmentRejected("Only PDF files can be attached, and this file is not a readable PDF.",
                LocalizedText.message("proposal.attachment.notPdf"));
    }
}
